/**
 * Provision types over time as an inline SVG stacked bar chart: one bar per month (per year
 * when the corpus spans more than four years or some dates give only the year), one colour
 * per type. No script, no external assets.
 */
import { attrs, esc } from './html.js';

const WIDTH = 760;
const HEIGHT = 260;
const MARGIN = { top: 12, right: 12, bottom: 44, left: 40 };
const MAX_MONTHS = 48;

export function timelineSvg(timeline: Map<string, Map<string, number>>, types: string[], colorOf: (type: string) => string): string {
  const series = bucket(timeline);
  const periods = [...series.keys()];
  const totals = periods.map((p) => types.reduce((sum, t) => sum + (series.get(p)!.get(t) ?? 0), 0));
  const top = niceMax(Math.max(1, ...totals));
  const plotW = WIDTH - MARGIN.left - MARGIN.right;
  const plotH = HEIGHT - MARGIN.top - MARGIN.bottom;
  const band = plotW / periods.length;
  const y = (v: number) => MARGIN.top + plotH - (v / top) * plotH;
  const parts: string[] = [];

  for (const tick of ticks(top)) {
    parts.push(`<line${attrs({ x1: MARGIN.left, x2: WIDTH - MARGIN.right, y1: y(tick), y2: y(tick), class: 'grid' })}/>`);
    parts.push(`<text${attrs({ x: MARGIN.left - 6, y: y(tick) + 4, 'text-anchor': 'end', class: 'tick' })}>${tick}</text>`);
  }
  const labelEvery = Math.ceil(periods.length / 12);
  periods.forEach((period, i) => {
    const x = MARGIN.left + i * band;
    let base = 0;
    for (const type of types) {
      const n = series.get(period)!.get(type) ?? 0;
      if (!n) continue;
      parts.push(
        `<rect${attrs({ x: fix(x + band * 0.1), y: fix(y(base + n)), width: fix(band * 0.8), height: fix(y(base) - y(base + n)), fill: colorOf(type), 'data-period': period, 'data-type': type })}><title>${esc(`${period} · ${type}: ${n}`)}</title></rect>`,
      );
      base += n;
    }
    if (i % labelEvery === 0) {
      parts.push(`<text${attrs({ x: fix(x + band / 2), y: HEIGHT - MARGIN.bottom + 16, 'text-anchor': 'middle', class: 'tick' })}>${esc(period)}</text>`);
    }
  });
  parts.push(`<line${attrs({ x1: MARGIN.left, x2: WIDTH - MARGIN.right, y1: y(0), y2: y(0), class: 'axis' })}/>`);
  parts.push(`<text${attrs({ x: MARGIN.left, y: HEIGHT - 8, class: 'tick' })}>provisions per ${periods[0].length === 4 ? 'year' : 'month'} (negated ones not counted)</text>`);
  const label = `Provision types over time, ${periods[0]} to ${periods[periods.length - 1]}`;
  return `<svg class="timeline" xmlns="http://www.w3.org/2000/svg"${attrs({ viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: 'img', 'aria-label': label })}><title>${esc(label)}</title>${parts.join('')}</svg>`;
}

/** Every period from the first to the last (empty ones included, so gaps show), by month or by year. */
function bucket(timeline: Map<string, Map<string, number>>): Map<string, Map<string, number>> {
  const keys = [...timeline.keys()].sort();
  const byYear = keys.some((k) => k.length === 4) || monthIndex(keys[keys.length - 1]) - monthIndex(keys[0]) >= MAX_MONTHS;
  const out = new Map<string, Map<string, number>>();
  const first = keys[0].slice(0, byYear ? 4 : 7);
  const last = keys[keys.length - 1].slice(0, byYear ? 4 : 7);
  for (let period = first; period <= last; period = next(period)) out.set(period, new Map());
  for (const [key, counts] of timeline) {
    const target = out.get(key.slice(0, byYear ? 4 : 7))!;
    for (const [type, n] of counts) target.set(type, (target.get(type) ?? 0) + n);
  }
  return out;
}

function monthIndex(period: string): number {
  return Number(period.slice(0, 4)) * 12 + (period.length > 4 ? Number(period.slice(5, 7)) - 1 : 0);
}

function next(period: string): string {
  if (period.length === 4) return String(Number(period) + 1);
  const i = monthIndex(period) + 1;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
}

/** The smallest 1, 2 or 5 times a power of ten at or above `max`. */
function niceMax(max: number): number {
  const power = 10 ** Math.floor(Math.log10(max));
  return [1, 2, 5, 10].map((m) => m * power).find((v) => v >= max)!;
}

function ticks(top: number): number[] {
  const step = top <= 5 ? 1 : top / 5;
  const out: number[] = [];
  for (let v = 0; v <= top + 1e-9; v += step) out.push(Math.round(v));
  return out;
}

function fix(n: number): string {
  return n.toFixed(1);
}
