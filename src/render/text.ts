/**
 * The annotated reading view (`--format text`): one block per record, for people at a
 * terminal. Everything shown comes from the record; nothing is looked up again.
 */
import type { ArticleRecord, ErrorRecord, OutputRecord, ProvisionRecord, QuoteRecord, TreatyRecord } from '../types.js';
import { isErrorRecord } from '../types.js';
import type { Paint, Palette } from './palette.js';
import { codePoints, cueRanges, splitAtRanges } from './spans.js';

export interface TextViewOptions {
  palette: Palette;
  /** wrap long lines at this many columns */
  width: number;
}

const INDENT = '      ';

export function renderText(record: OutputRecord, options: TextViewOptions): string {
  const lines = isErrorRecord(record) ? errorLines(record, options.palette) : articleLines(record, options);
  return `${lines.join('\n')}\n`;
}

function errorLines(record: ErrorRecord, p: Palette): string[] {
  return [p.heading(`== ${record.source.path}`), `  ${p.error(`error ${record.error.code}`)}: ${record.error.message}`];
}

function articleLines(record: ArticleRecord, options: TextViewOptions): string[] {
  const p = options.palette;
  const { article } = record;
  const lines = [p.heading(`== ${record.source.path}`)];
  if (article.title) lines.push(p.heading(article.title));
  const where = [
    article.publication,
    article.volume === null ? null : `volume ${article.volume}`,
    article.issue === null ? null : `issue ${article.issue}`,
    article.date,
  ].filter((x): x is string => !!x);
  if (where.length) lines.push(where.join(' · '));
  if (article.sources.length) lines.push(`${p.dim('sources:')} ${article.sources.join(', ')}`);
  lines.push(
    p.dim(
      [count(article.paragraphs, 'paragraph'), count(record.quotes.length, 'quote'), count(record.provisions.length, 'provision'), count(record.treaties.length, 'treaty', 'treaties')].join(
        ' · ',
      ),
    ),
  );
  if (record.treaties.length) lines.push('', p.section('Treaties'), ...record.treaties.flatMap((t) => treatyLines(t, options)));
  if (record.quotes.length) lines.push('', p.section('Quotes'), ...record.quotes.flatMap((q) => quoteLines(q, options)));
  if (record.provisions.length) lines.push('', p.section('Provisions'), ...record.provisions.flatMap((x) => provisionLines(x, options)));
  const people = record.entities.people.map((e) => (e.role ? `${e.name} (${e.role})` : e.name));
  if (people.length) lines.push('', ...wrap([{ text: `${p.section('People')} ${people.join(', ')}`, paint: null }], options.width, ''));
  if (record.warnings.length) {
    lines.push('', p.section('Warnings'));
    for (const w of record.warnings) lines.push(`  ${p.warning(w.code)}${w.offset === null ? '' : p.dim(` at ${w.offset}`)}: ${w.message}`);
  }
  return lines;
}

function treatyLines(t: TreatyRecord, options: TextViewOptions): string[] {
  const p = options.palette;
  const signed = [t.signed.date, t.signed.place && `in ${t.signed.place}`].filter(Boolean).join(' ');
  const facts: Piece[] = [
    t.parties.length ? { text: t.parties.join(', '), paint: null } : { text: 'parties not stated', paint: p.dim },
    ...(signed ? [{ text: ` · signed ${signed}`, paint: null }] : []),
    { text: ' · status ', paint: null },
    t.status ? { text: t.status, paint: null } : { text: 'not stated', paint: p.dim },
  ];
  return [`  ${p.id(pad(t.id))}${t.name}`, ...wrap(facts, options.width, INDENT)];
}

function quoteLines(q: QuoteRecord, options: TextViewOptions): string[] {
  const p = options.palette;
  const who = q.speaker ? speakerLabel(q, p) : p.dim('(no speaker)');
  const cue = q.cue ? ` · ${p.cue(q.cue)}${q.addressee ? ` ${p.dim('to')} ${q.addressee}` : ''}` : '';
  const lines = [`  ${p.id(pad(q.id))}${p.tag(q.kind)} ${p.dim(`¶${q.paragraph}`)}  ${who}${cue}`];
  lines.push(...wrap([{ text: `“${q.text}”`, paint: null }], options.width, INDENT));
  for (const n of q.nested) lines.push(...wrap([{ text: `${p.dim('nested:')} “${n.text}”`, paint: null }], options.width, INDENT));
  if (q.citation) lines.push(`${INDENT}${p.dim('citation:')} ${[q.citation.source, q.citation.date].filter(Boolean).join(', ')}`);
  return lines;
}

function speakerLabel(q: QuoteRecord, p: Palette): string {
  const s = q.speaker!;
  const role = s.role ? `, ${p.role(s.role)}` : '';
  // the mention shows how the article pointed at the speaker when it is not the name itself
  const [name, mention] = [s.name.toLowerCase(), s.mention.toLowerCase()];
  const via = name.includes(mention) || mention.includes(name) ? '' : p.dim(` (as “${s.mention}”)`);
  return `${p.speaker(s.name)}${role}${via}`;
}

function provisionLines(x: ProvisionRecord, options: TextViewOptions): string[] {
  const p = options.palette;
  const facts = [
    `${p.type(x.type)}${x.atop ? ` ${p.type(x.atop)}` : ''}`,
    x.quote ? `${x.evidence} in ${x.quote}` : x.evidence,
    x.treaty ? `treaty ${x.treaty}` : null,
    x.modality,
    x.reciprocal === null ? null : x.reciprocal ? 'reciprocal' : 'one-sided',
    x.negated ? p.warning('NEGATED') : null,
    p.dim(x.confidence.toFixed(2)),
  ].filter((f): f is string => !!f);
  const clause = splitAtRanges(codePoints(x.text), cueRanges(x.text, x.cues)).map((piece) => ({ text: piece.text, paint: piece.marked ? p.highlight : null }));
  const lines = [`  ${p.id(pad(x.id))}${facts.join(' · ')}`, ...wrap(clause, options.width, INDENT)];
  for (const c of x.conditions) lines.push(...wrap([{ text: `${p.dim('condition')} ${c.kind}: “${c.text}”`, paint: null }], options.width, INDENT));
  if (x.cues.length) {
    const rules = x.cue_ids.length ? [{ text: ` (rules ${x.cue_ids.join(', ')})`, paint: p.dim }] : [];
    lines.push(...wrap([{ text: `${p.dim('cues:')} ${x.cues.join(', ')}`, paint: null }, ...rules], options.width, INDENT));
  }
  return lines;
}

function pad(id: string): string {
  return id.padEnd(4);
}

function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

interface Piece {
  text: string;
  /** null: already painted (or plain) */
  paint: Paint | null;
}

/**
 * Greedy word wrap of painted pieces, measuring only the visible characters. Paint is applied
 * per line to each run of one piece, so a highlighted phrase reads as one mark and escape
 * codes never straddle a line break. Line breaks inside the text become spaces.
 */
function wrap(pieces: Piece[], width: number, indent: string): string[] {
  const lines: string[] = [];
  let runs: { piece: Piece; text: string }[] = [];
  let visible = 0;
  const flush = () => {
    if (visible > 0) lines.push(indent + runs.map(paintRun).join('').trimEnd());
    runs = [];
    visible = 0;
  };
  for (const piece of pieces) {
    for (const token of piece.text.split(/(\s+)/)) {
      if (!token) continue;
      if (/^\s+$/.test(token)) {
        if (visible > 0) {
          runs[runs.length - 1].text += ' ';
          visible++;
        }
        continue;
      }
      const size = visibleLength(token);
      if (visible > 0 && indent.length + visible + size > width) flush();
      const last = runs[runs.length - 1];
      if (last?.piece === piece) last.text += token;
      else runs.push({ piece, text: token });
      visible += size;
    }
  }
  flush();
  return lines;
}

function paintRun(run: { piece: Piece; text: string }): string {
  if (!run.piece.paint) return run.text;
  const body = run.text.trimEnd();
  return run.piece.paint(body) + run.text.slice(body.length);
}

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;

function visibleLength(text: string): number {
  return Array.from(text.replace(ANSI, '')).length;
}
