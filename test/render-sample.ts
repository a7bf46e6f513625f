/**
 * Hand-built records over texts written for these tests, for the renderers' exact
 * expectations: they do not move when the extraction rules improve. Spans are computed from
 * the texts (code points), so the span invariant holds as in real records.
 */
import type { ArticleRecord, ErrorRecord, ProvisionRecord, QuoteRecord, Span, TreatyRecord } from '../src/types.js';
import { SCHEMA_ID } from '../src/types.js';

/** Code point span of the n-th (0-based) occurrence of `needle` in `text`. */
export function spanOf(text: string, needle: string, nth = 0): Span {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`not in the text: ${needle}`);
  }
  const start = [...text.slice(0, at)].length;
  return { start, end: start + [...needle].length };
}

/** An article on two parties' treaty: quoted treaty text, a reported clause, a denial, a speaker, an emoji before the spans. */
export const TEXT_A = [
  'Defence Pact Signed 🤝 in Riga',
  '',
  'The defence pact of Estonia and Latvia, signed on March 3 in Riga, reads: "An armed attack against one party shall be considered an attack against both parties, and each shall render assistance, including military assistance." It also says the parties "shall consult without delay when a threat arises".',
  '',
  'Prime Minister Kaja Tamm said: "This pact, which some call "a paper shield", changes the <balance> of the region."',
  '',
  'The pact contains no clause on basing rights, officials stressed.',
].join('\n');

const quoteA1 = 'An armed attack against one party shall be considered an attack against both parties, and each shall render assistance, including military assistance.';
const quoteA2 = 'shall consult without delay when a threat arises';
const quoteA3 = 'This pact, which some call "a paper shield", changes the <balance> of the region.';
// a reported clause that starts inside the second quote's sentence and crosses its closing mark
const clauseA2 = 'parties "shall consult without delay';

function quote(text: string, id: string, body: string, fields: Partial<QuoteRecord>): QuoteRecord {
  return {
    id,
    text: body,
    kind: 'speech',
    speaker: null,
    cue: null,
    addressee: null,
    citation: null,
    paragraph: 2,
    span: spanOf(text, body),
    nested: [],
    confidence: 0.9,
    ...fields,
  };
}

function provision(text: string, id: string, clause: string, fields: Partial<ProvisionRecord>): ProvisionRecord {
  return {
    id,
    type: 'mutual_defense',
    atop: 'DEFENSE',
    text: clause,
    evidence: 'quoted',
    quote: null,
    treaty: 't1',
    modality: 'obligation',
    reciprocal: true,
    negated: false,
    conditions: [],
    cues: [],
    cue_ids: [],
    span: spanOf(text, clause),
    confidence: 0.9,
    ...fields,
  };
}

function article(path: string, text: string, fields: Partial<ArticleRecord>): ArticleRecord {
  return {
    schema: SCHEMA_ID,
    source: { path, bytes: Buffer.byteLength(text), sha256: '0'.repeat(64), encoding: 'utf-8' },
    article: { title: null, publication: null, volume: null, issue: null, date: null, sources: [], paragraphs: text.split(/\n\n/).length },
    treaties: [],
    quotes: [],
    provisions: [],
    entities: { people: [], places: [], organizations: [] },
    warnings: [],
    ...fields,
  };
}

const treatyA: TreatyRecord = {
  id: 't1',
  name: 'defence pact',
  parties: ['Estonia', 'Latvia'],
  signed: { date: 'March 3', place: 'Riga' },
  status: 'signed',
  span: spanOf(TEXT_A, 'defence pact'),
};

export const RECORD_A: ArticleRecord = article('news/riga-pact.txt', TEXT_A, {
  article: { title: 'Defence Pact Signed 🤝 in Riga', publication: 'Baltic Weekly', volume: 3, issue: 12, date: '2021-03-04', sources: ['Baltic News Service', 'ERR'], paragraphs: 4 },
  treaties: [treatyA],
  quotes: [
    quote(TEXT_A, 'q1', quoteA1, { kind: 'document' }),
    quote(TEXT_A, 'q2', quoteA2, { kind: 'document' }),
    quote(TEXT_A, 'q3', quoteA3, {
      paragraph: 3,
      speaker: { name: 'Kaja Tamm', mention: 'Kaja Tamm', role: 'Prime Minister', rule: 'speaker-verb-before-quote' },
      cue: 'said',
      nested: [{ text: 'a paper shield', span: spanOf(TEXT_A, 'a paper shield') }],
    }),
  ],
  provisions: [
    provision(TEXT_A, 'p1', 'An armed attack against one party shall be considered an attack against both parties', {
      quote: 'q1',
      cues: ['armed attack against one party', 'attack against both parties'],
      cue_ids: ['defense-attack-on-one', 'defense-attack-on-all'],
    }),
    provision(TEXT_A, 'p2', 'each shall render assistance, including military assistance', {
      quote: 'q1',
      cues: ['render assistance', 'military assistance'],
      cue_ids: ['defense-assist'],
      conditions: [{ kind: 'on_request', text: 'upon request, if any' }],
    }),
    provision(TEXT_A, 'p3', clauseA2, { type: 'consultation', atop: 'CONSUL', evidence: 'reported', cues: ['consult'], cue_ids: ['consult-verb'] }),
    provision(TEXT_A, 'p4', 'The pact contains no clause on basing rights', {
      type: 'basing_rights',
      atop: 'BASE',
      evidence: 'reported',
      modality: null,
      reciprocal: null,
      negated: true,
      cues: ['basing rights'],
      cue_ids: ['base-rights'],
    }),
  ],
  entities: { people: [{ name: 'Kaja Tamm', role: 'Prime Minister', mentions: 1 }], places: [{ name: 'Riga', mentions: 2 }], organizations: [] },
  warnings: [{ code: 'nested-quote-marks', message: 'a double quote inside a double quote', offset: spanOf(TEXT_A, '"a paper').start }],
});

/** A second article on the same pact (named alike, a month later) and a one-sided lease with no parties stated. */
export const TEXT_B = [
  'The Defence Pact, a Month On',
  '',
  'Under the defence pact of Latvia and Estonia, the two states will hold joint exercises every year, and the agreement on the port lets one side lease the harbour for ten years.',
].join('\n');

export const RECORD_B: ArticleRecord = article('news/pact-month-on.txt', TEXT_B, {
  article: { title: 'The Defence Pact, a Month On', publication: 'Baltic Weekly', volume: 3, issue: 16, date: '2021-04-02', sources: [], paragraphs: 2 },
  treaties: [
    { id: 't1', name: 'The Defence Pact', parties: ['Latvia', 'Estonia'], signed: { date: null, place: null }, status: 'in_force', span: spanOf(TEXT_B, 'defence pact') },
    { id: 't2', name: 'agreement on the port', parties: [], signed: { date: null, place: null }, status: null, span: spanOf(TEXT_B, 'agreement on the port') },
  ],
  provisions: [
    provision(TEXT_B, 'p1', 'the two states will hold joint exercises every year', { type: 'joint_forces', atop: 'INTCOM', evidence: 'reported', cues: ['joint exercises'], cue_ids: ['joint-exercises'] }),
    provision(TEXT_B, 'p2', 'lets one side lease the harbour for ten years', { type: 'basing_rights', atop: 'BASE', evidence: 'reported', treaty: 't2', modality: 'permission', reciprocal: false, cues: ['lease the harbour'], cue_ids: ['base-lease'] }),
    provision(TEXT_B, 'p3', 'for ten years', { type: 'duration', atop: null, evidence: 'reported', treaty: null, modality: null, reciprocal: null, cues: ['for ten years'], cue_ids: ['duration-years'] }),
  ],
});

/** An undated article with a quote and no treaty. */
export const TEXT_C = 'Analysts doubt the pact. "It is mostly symbolic, with tricky\tfields, commas and ""quotes""," said Ivo Berg, a researcher.';

export const RECORD_C: ArticleRecord = article('news/doubts, "quoted".txt', TEXT_C, {
  quotes: [
    quote(TEXT_C, 'q1', 'It is mostly symbolic, with tricky\tfields, commas and ""quotes"",', {
      paragraph: 1,
      speaker: { name: 'Ivo Berg', mention: 'Ivo Berg', role: 'a researcher', rule: 'verb-speaker-after-quote' },
      cue: 'said',
    }),
  ],
  entities: { people: [{ name: 'Ivo Berg', role: 'a researcher', mentions: 1 }], places: [], organizations: [{ name: 'NATO', mentions: 0 }] },
});

export const FAILED: ErrorRecord = { schema: SCHEMA_ID, source: { path: 'news/missing.txt' }, error: { code: 'ENOENT', message: 'news/missing.txt: cannot read: no such file' } };

/** The sample batch in input order, with the texts the spans index. */
export const SAMPLE = [
  { record: RECORD_A, text: TEXT_A },
  { record: FAILED, text: null },
  { record: RECORD_B, text: TEXT_B },
  { record: RECORD_C, text: TEXT_C },
];

export const TAXONOMY = [
  { id: 'mutual_defense', atop: 'DEFENSE' },
  { id: 'consultation', atop: 'CONSUL' },
  { id: 'basing_rights', atop: 'BASE' },
  { id: 'joint_forces', atop: 'INTCOM' },
  { id: 'duration', atop: null },
];
