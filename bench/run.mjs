// npm run bench [-- --count N] [--plain N] [--no-big] [--big-timeout SECONDS]
//
// Throughput, memory and start-up of the built CLI on a generated corpus (bench/corpus.mjs),
// against a plain-JS floor (bench/baseline.mjs), with the devset score printed beside it so
// speed is never read without accuracy. Every figure is measured here, on this machine, by
// spawning the real program; nothing is estimated.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { generateCorpus, loadSources, makeArticle } from './corpus.mjs';

const ROOT = new URL('..', import.meta.url).pathname;
const BIN = join(ROOT, 'bin', 'treaty-extract.js');
const CORPUS = join(ROOT, 'bench', 'corpus');

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '5000' },
    plain: { type: 'string', default: '1000' },
    'no-big': { type: 'boolean', default: false },
    'big-timeout': { type: 'string', default: '120' },
  },
});
const count = Number(values.count);

/** Runs node on a script with arguments; wall time from spawn to exit, peak RSS and CPU time from the child itself. */
function measure(args, { input, timeout } = {}) {
  const rssFile = join(tmpdir(), `bench-rss-${process.pid}`);
  const started = performance.now();
  const child = spawnSync(process.execPath, ['-r', join(ROOT, 'bench', 'peak-rss.cjs'), ...args], {
    cwd: ROOT,
    input,
    env: { ...process.env, BENCH_RSS_FILE: rssFile },
    maxBuffer: 1 << 30,
    stdio: ['pipe', 'pipe', 'pipe'],
    timeout: timeout && timeout * 1000,
  });
  const seconds = (performance.now() - started) / 1000;
  if (child.error?.code === 'ETIMEDOUT') return { seconds, rss: NaN, cpuSeconds: NaN, timedOut: true, stdout: '', stderr: '' };
  if (child.status !== 0 && child.status !== 1) throw new Error(`${args.join(' ')} exited ${child.status}: ${child.stderr}`);
  const { rss, cpuSeconds } = JSON.parse(readFileSync(rssFile, 'utf8'));
  rmSync(rssFile, { force: true });
  return { seconds, rss, cpuSeconds, stdout: child.stdout, stderr: child.stderr.toString() };
}

function corpusBytes(dir) {
  let bytes = 0;
  for (const name of readdirSync(dir, { recursive: true })) if (String(name).endsWith('.txt')) bytes += readFileSync(join(dir, name)).length;
  return bytes;
}

const mb = (bytes) => bytes / (1024 * 1024);
const rate = (n, s) => n / s;
const fmt = (x, digits = 1) => x.toFixed(digits);

function row(label, articles, bytes, run) {
  const perCpu = `${fmt(articles / run.cpuSeconds, 0).padStart(6)} per CPU-second`;
  return `${label.padEnd(31)} ${fmt(rate(articles, run.seconds), 0).padStart(6)} articles/s ${fmt(mb(bytes) / run.seconds, 2).padStart(6)} MB/s  ${perCpu}  peak RSS ${fmt(mb(run.rss), 0).padStart(4)} MB  (${fmt(run.seconds, 1)} s)`;
}

function median(xs) {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

const lines = [];
const say = (line = '') => {
  lines.push(line);
  console.log(line);
};

const load = () => loadavg().map((x) => fmt(x, 2)).join(' ');
say(`machine: ${cpus()[0].model}, ${cpus().length} cores, ${fmt(totalmem() / 2 ** 30, 0)} GB, Node ${process.version}; load average ${load()} (other work shares these cores)`);
const news = generateCorpus({ dir: join(CORPUS, `news-${count}`), count });
const newsBytes = corpusBytes(news);
say(`corpus: ${count} generated articles (${fmt(mb(newsBytes), 1)} MB, mean ${fmt(newsBytes / count / 1024, 1)} KB) from ${readdirSync(join(ROOT, 'fixtures', 'articles')).length} fixtures`);
say();

// --- throughput -----------------------------------------------------------------------
const floor = measure([join(ROOT, 'bench', 'baseline.mjs'), news]);
const j1 = measure([BIN, news, '-q', '-j', '1']);
const j2 = measure([BIN, news, '-q', '-j', '2']);
say(row('baseline (read + pair quotes)', count, newsBytes, floor));
say(row('treaty-extract --jobs 1', count, newsBytes, j1));
say(row('treaty-extract --jobs 2', count, newsBytes, j2));
say(`--jobs 2 / --jobs 1: ${fmt(j1.seconds / j2.seconds, 2)}x;  baseline / --jobs 1: ${fmt(j1.seconds / floor.seconds, 0)}x slower than the floor`);
if (j1.stdout.toString() !== j2.stdout.toString()) say('WARNING: --jobs 1 and --jobs 2 outputs differ');

// --- memory flat in the corpus size ------------------------------------------------------
const small = Math.max(1, Math.floor(count / 5));
const smallCorpus = generateCorpus({ dir: join(CORPUS, `news-${small}`), count: small });
const jSmall = measure([BIN, smallCorpus, '-q', '-j', '2']);
say(`peak RSS --jobs 2: ${fmt(mb(jSmall.rss), 0)} MB at ${small} articles, ${fmt(mb(j2.rss), 0)} MB at ${count}`);

// --- articles with no quotes and no treaty vocabulary ----------------------------------
const plainCount = Number(values.plain);
const plain = generateCorpus({ dir: join(CORPUS, `plain-${plainCount}`), count: plainCount, kind: 'plain' });
const plainBytes = corpusBytes(plain);
const plainFloor = measure([join(ROOT, 'bench', 'baseline.mjs'), plain]);
const plainRun = measure([BIN, plain, '-q', '-j', '1']);
const compromiseUsed = spawnSync(process.execPath, [join(ROOT, 'bench', 'nlp-calls.mjs'), plain], { cwd: ROOT, encoding: 'utf8' }).stdout.trim();
say();
say(`plain corpus: ${plainCount} articles without quote marks or treaty vocabulary (${fmt(mb(plainBytes), 1)} MB)`);
say(row('baseline (read + pair quotes)', plainCount, plainBytes, plainFloor));
say(row('treaty-extract --jobs 1', plainCount, plainBytes, plainRun));
say(`treaty-extract at ${fmt((100 * plainFloor.seconds) / plainRun.seconds, 1)}% of the floor's speed; ${compromiseUsed}`);

// --- start-up --------------------------------------------------------------------------
const smallest = readdirSync(join(ROOT, 'fixtures', 'articles'))
  .map((name) => join(ROOT, 'fixtures', 'articles', name, 'input.txt'))
  .filter(existsSync)
  .sort((a, b) => readFileSync(a).length - readFileSync(b).length)[0];
const cold = median(Array.from({ length: 5 }, () => measure([BIN, smallest]).seconds));
const bare = median(Array.from({ length: 5 }, () => measure(['-e', '0']).seconds));
say();
say(`cold start, one ${readFileSync(smallest).length}-byte article: ${fmt(cold * 1000, 0)} ms (node -e 0: ${fmt(bare * 1000, 0)} ms; median of 5)`);

// --- where the time goes in one thread -----------------------------------------------------
const split = JSON.parse(spawnSync(process.execPath, [join(ROOT, 'bench', 'split.mjs'), news, '500'], { cwd: ROOT, encoding: 'utf8' }).stdout);
say(`one thread, ${split.articles} articles: pipeline ${fmt(split.extractMs / split.articles, 2)} ms, YAML ${fmt(split.yamlMs / split.articles, 3)} ms, JSON ${fmt(split.jsonMs / split.articles, 3)} ms per article; serialization ${fmt((100 * split.yamlMs) / (split.extractMs + split.yamlMs), 1)}% of the YAML total`);

// --- one very large article (never handed to compromise whole) -------------------------------
if (!values['no-big']) {
  const sources = loadSources();
  mkdirSync(CORPUS, { recursive: true });
  for (const megabytes of [1, 10]) {
    const file = join(CORPUS, `big-${megabytes}MB.txt`);
    if (!existsSync(file)) {
      const parts = [];
      let size = 0;
      for (let i = 0; size < megabytes * 1024 * 1024; i++) {
        const article = makeArticle(sources, 1_000_000 + i);
        parts.push(article);
        size += Buffer.byteLength(article);
      }
      writeFileSync(file, parts.join('\n'));
    }
    const limit = Number(values['big-timeout']);
    const big = measure([BIN, file, '-q', '-f', 'ndjson'], { timeout: limit });
    say(big.timedOut ? `one ${megabytes} MB article: did not finish within ${limit} s` : `one ${megabytes} MB article: ${fmt(big.seconds, 1)} s, peak RSS ${fmt(mb(big.rss), 0)} MB`);
  }
}

// --- accuracy beside speed ----------------------------------------------------------------
const score = join(ROOT, '..', 'shared', 'tools', 'score.py');
if (existsSync(score)) {
  const result = spawnSync('python3', [score, '--articles', join(ROOT, '..', 'shared', 'devset', 'articles'), '--gold', join(ROOT, '..', 'shared', 'devset', 'gold')], { cwd: ROOT, encoding: 'utf8' });
  const last = result.stdout.trim().split('\n').pop();
  say();
  say(`devset: ${last}`);
} else {
  say('devset: ../shared/tools/score.py not found');
}
say(`load average at the end: ${load()}`);
