// Preloaded into a measured process (node -r): at exit, writes its peak resident set size in
// bytes (worker threads included: they live in the same process) to $BENCH_RSS_FILE.
const { writeFileSync } = require('node:fs');
process.on('exit', () => {
  if (process.env.BENCH_RSS_FILE) writeFileSync(process.env.BENCH_RSS_FILE, String(process.resourceUsage().maxRSS * 1024));
});
