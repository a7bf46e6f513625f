/**
 * An article's text with its quotes, provisions and the provisions' cue words marked. The
 * marks come from the record's spans; overlapping marks (a provision inside a quote, or one
 * that crosses a quote's edge) are split so the markup always nests.
 */
import type { ArticleRecord } from '../../types.js';
import { codePoints, cueRanges, spanMatches } from '../spans.js';
import { attrs, esc, typeClass } from './html.js';

interface Mark {
  start: number;
  end: number;
  /** 0 quote, 1 provision, 2 cue: outer to inner when two marks cover the same text */
  layer: number;
  tag: string;
  /** attributes of the first piece (with the id); later pieces of a split mark repeat only the class */
  first: string;
  rest: string;
}

/**
 * The text as HTML with `<mark>`s. `anchor` prefixes element ids (`a3-q1`). Items whose span
 * does not slice to their text (a record from another decoding of the input) are left
 * unmarked rather than marked in the wrong place; their number is returned.
 */
export function highlightText(record: ArticleRecord, text: string, anchor: string): { html: string; unplaced: number } {
  const points = codePoints(text);
  const marks: Mark[] = [];
  let unplaced = 0;
  for (const q of record.quotes) {
    if (!spanMatches(points, q.span, q.text)) {
      unplaced++;
      continue;
    }
    const who = q.speaker ? `${q.speaker.name}${q.speaker.role ? `, ${q.speaker.role}` : ''}` : 'no speaker';
    const title = `${q.id} · ${q.kind} · ${who}${q.cue ? ` · ${q.cue}` : ''}`;
    const cls = `q k-${q.kind}`;
    marks.push({ ...q.span, layer: 0, tag: 'mark', first: attrs({ class: cls, id: `${anchor}-${q.id}`, title }), rest: attrs({ class: cls, title }) });
  }
  for (const p of record.provisions) {
    if (!spanMatches(points, p.span, p.text)) {
      unplaced++;
      continue;
    }
    const title = `${p.id} · ${p.type}${p.atop ? ` (${p.atop})` : ''}${p.negated ? ' · negated' : ''}`;
    const cls = `p t-${typeClass(p.type)}${p.negated ? ' neg' : ''}`;
    marks.push({ ...p.span, layer: 1, tag: 'span', first: attrs({ class: cls, id: `${anchor}-${p.id}`, title }), rest: attrs({ class: cls, title }) });
    for (const cue of cueRanges(p.text, p.cues)) {
      marks.push({ start: p.span.start + cue.start, end: p.span.start + cue.end, layer: 2, tag: 'b', first: ' class="cue"', rest: ' class="cue"' });
    }
  }
  return { html: nest(points, marks), unplaced };
}

/**
 * Walks the boundaries in order keeping a stack of open marks: at a boundary, marks that end
 * are closed (closing and reopening any opened after them), then marks that start are opened,
 * longer (then outer-layer) first.
 */
function nest(points: string[], marks: Mark[]): string {
  const marksAt = new Map<number, Mark[]>();
  for (const m of marks.filter((m) => m.end > m.start)) {
    for (const at of [m.start, m.end]) marksAt.set(at, [...(marksAt.get(at) ?? []), m]);
  }
  const boundaries = [...marksAt.keys()].sort((a, b) => a - b);
  const stack: Mark[] = [];
  const opened = new Set<Mark>();
  let html = '';
  let at = 0;
  for (const boundary of boundaries) {
    html += esc(points.slice(at, boundary).join(''));
    at = boundary;
    const here = marksAt.get(boundary)!;
    const ending = new Set(here.filter((m) => m.end === boundary));
    const reopen: Mark[] = [];
    while (stack.some((m) => ending.has(m))) {
      const top = stack.pop()!;
      html += `</${top.tag}>`;
      if (!ending.has(top)) reopen.push(top);
    }
    const starting = [...reopen, ...here.filter((m) => m.start === boundary)].sort((a, b) => b.end - a.end || a.layer - b.layer);
    for (const m of starting) {
      html += `<${m.tag}${opened.has(m) ? m.rest : m.first}>`;
      opened.add(m);
      stack.push(m);
    }
  }
  return html + esc(points.slice(at).join(''));
}
