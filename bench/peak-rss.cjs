// Preloaded into a measured process (node -r): at exit, writes its peak resident set size in
// bytes and the CPU seconds it used (worker threads included: they live in the same process)
// to $BENCH_RSS_FILE as JSON.
// On Linux it reads VmHWM, the high-water mark of this process's own memory: getrusage's
// maxRSS would also count the parent's memory at the moment it forked us.
const { readFileSync, writeFileSync } = require('node:fs');

function peakBytes() {
  try {
    const kb = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (kb) return Number(kb[1]) * 1024;
  } catch {}
  return process.resourceUsage().maxRSS * 1024;
}

process.on('exit', () => {
  const { user, system } = process.cpuUsage();
  if (process.env.BENCH_RSS_FILE) writeFileSync(process.env.BENCH_RSS_FILE, JSON.stringify({ rss: peakBytes(), cpuSeconds: (user + system) / 1e6 }));
});
