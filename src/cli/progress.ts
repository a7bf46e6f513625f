import type { Writable } from 'node:stream';

/** What a batch did, for the progress line and the closing summary. */
export interface BatchStats {
  articles: number;
  failed: number;
  skipped: number;
  quotes: number;
  provisions: number;
}

export function emptyStats(): BatchStats {
  return { articles: 0, failed: 0, skipped: 0, quotes: 0, provisions: 0 };
}

/** How often the progress line is redrawn at most. */
const REDRAW_MS = 100;

/**
 * The batch's messages on stderr: one line per failed input, a progress line redrawn in place
 * (only on a terminal; never with --quiet), and the closing summary. Messages clear the
 * progress line first, so the two never run into each other.
 */
export class Progress {
  private total: number | null = null;
  private lastDraw = -Infinity;
  private drawn = false;
  private readonly started: number;

  constructor(
    private readonly stderr: Writable,
    private readonly live: boolean,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.started = now();
  }

  /** The number of articles, once known (a plain list of files; not an archive or a stream). */
  setTotal(total: number): void {
    this.total = total;
  }

  message(line: string): void {
    this.clear();
    this.stderr.write(`${line}\n`);
  }

  update(stats: BatchStats): void {
    if (!this.live) return;
    const now = this.now();
    if (now - this.lastDraw < REDRAW_MS) return;
    this.lastDraw = now;
    this.stderr.write(`\r\x1b[K${progressLine(stats, this.total, (now - this.started) / 1000)}`);
    this.drawn = true;
  }

  /** Clears the progress line and prints the summary line when asked to. */
  finish(stats: BatchStats, options: { summary: boolean }): void {
    this.clear();
    if (options.summary) this.stderr.write(`${summaryLine(stats, (this.now() - this.started) / 1000)}\n`);
  }

  private clear(): void {
    if (!this.drawn) return;
    this.stderr.write('\r\x1b[K');
    this.drawn = false;
  }
}

function done(stats: BatchStats): number {
  return stats.articles + stats.failed + stats.skipped;
}

/** "1200/5000 articles, 3 failed, 412/s, ETA 9s" */
export function progressLine(stats: BatchStats, total: number | null, seconds: number): string {
  const count = done(stats);
  const rate = seconds > 0 ? count / seconds : 0;
  const parts = [`${count}${total === null ? '' : `/${total}`} articles`];
  if (stats.failed) parts.push(`${stats.failed} failed`);
  parts.push(`${rate.toFixed(rate < 10 ? 1 : 0)}/s`);
  if (total !== null && rate > 0 && count < total) parts.push(`ETA ${duration((total - count) / rate)}`);
  return parts.join(', ');
}

/** "treaty-extract: 5000 articles, 2 failed, 12 skipped, 14380 quotes, 212 provisions, 12.4 s" */
export function summaryLine(stats: BatchStats, seconds: number): string {
  const parts = [`${stats.articles + stats.failed} articles`, `${stats.failed} failed`];
  if (stats.skipped) parts.push(`${stats.skipped} skipped`);
  parts.push(`${stats.quotes} quotes`, `${stats.provisions} provisions`, `${seconds.toFixed(1)} s`);
  return `treaty-extract: ${parts.join(', ')}`;
}

function duration(seconds: number): string {
  if (seconds < 60) return `${Math.ceil(seconds)}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}m${String(Math.round(seconds % 60)).padStart(2, '0')}s`;
  return `${Math.floor(minutes / 60)}h${String(minutes % 60).padStart(2, '0')}m`;
}
