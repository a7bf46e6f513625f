/**
 * Plain data shared by the stages and the output record.
 *
 * Offsets convention: inside the pipeline every `Span` is a half-open range of UTF-16 code
 * unit indices into the decoded text (what JavaScript strings index). The output record
 * (`ArticleRecord`) speaks in Unicode code points, as SCHEMA.md requires; `pipeline.ts`
 * converts once, at the edge.
 */

export interface Span {
  start: number;
  end: number;
}

/** Something odd about the text: reported in `warnings`, never thrown. */
export interface Diagnostic {
  code: string;
  message: string;
  offset: number | null;
}

// ---------------------------------------------------------------------------------------
// Stage data (UTF-16 spans)

export interface DecodedText {
  text: string;
  encoding: string;
  bytes: number;
  sha256: string;
  warnings: Diagnostic[];
}

export type BlockRole = 'title' | 'header' | 'byline' | 'dateline' | 'caption' | 'body' | 'sources';

/** A paragraph: a run of lines between blank lines (or one long line). `index` is 1-based. */
export interface Block {
  index: number;
  role: BlockRole;
  span: Span;
}

export interface Citation {
  source: string;
  date: string | null;
  span: Span;
}

export interface ArticleMeta {
  title: string | null;
  publication: string | null;
  volume: number | null;
  issue: number | null;
  date: string | null;
  sources: string[];
}

export interface DocumentStructure {
  blocks: Block[];
  meta: ArticleMeta;
  citations: Citation[];
  /** a treaty text (articles or numbered paragraphs of treaty language) or an article about one */
  kind: 'article' | 'treaty';
  /** in a treaty text, where the operative part starts (after the preamble) */
  operativeStart: number | null;
}

export interface Sentence {
  span: Span;
  block: number;
}

/** A quoted span found by the quote scanner; `span` covers the characters between the marks. */
export interface QuoteSpan {
  span: Span;
  /** offset of the opening mark */
  open: number;
  /** offset of the closing mark, or null when the quote runs on into the next paragraph */
  close: number | null;
  block: number;
  nested: Span[];
}

export type QuoteKind = 'speech' | 'document' | 'term' | 'title';

export interface Speaker {
  name: string;
  mention: string;
  role: string | null;
  rule: string;
}

// ---------------------------------------------------------------------------------------
// Output record (code point spans). Field names follow ../shared/SCHEMA.md.

export interface QuoteCitation {
  source: string;
  date: string | null;
}

export interface NestedQuote {
  text: string;
  span: Span;
}

export interface QuoteRecord {
  id: string;
  text: string;
  kind: QuoteKind;
  speaker: Speaker | null;
  cue: string | null;
  addressee: string | null;
  citation: QuoteCitation | null;
  paragraph: number;
  span: Span;
  nested: NestedQuote[];
  confidence: number;
}

export type TreatyStatus = 'proposed' | 'draft' | 'signed' | 'ratified' | 'in_force' | 'suspended' | 'terminated';

export interface TreatyRecord {
  id: string;
  name: string;
  parties: string[];
  signed: { date: string | null; place: string | null };
  status: TreatyStatus | null;
  span: Span;
}

export type ConditionKind =
  | 'specific_adversary'
  | 'location'
  | 'specific_conflict'
  | 'number_of_attackers'
  | 'demand'
  | 'non_provocation'
  | 'on_request'
  | 'on_need'
  | 'further_agreement'
  | 'other';

export interface Condition {
  kind: ConditionKind;
  text: string;
}

export type Modality = 'obligation' | 'permission' | 'prohibition';

export interface ProvisionRecord {
  id: string;
  type: string;
  atop: string | null;
  text: string;
  evidence: 'quoted' | 'reported';
  quote: string | null;
  treaty: string | null;
  modality: Modality | null;
  reciprocal: boolean | null;
  negated: boolean;
  conditions: Condition[];
  /** the cue phrases as they appear in the clause: why it was typed so */
  cues: string[];
  /** ids of the rules those cues belong to (rules/provisions/*.yaml) */
  cue_ids: string[];
  span: Span;
  confidence: number;
}

export interface EntityCount {
  name: string;
  mentions: number;
}

export interface PersonEntity extends EntityCount {
  role: string | null;
}

export interface Entities {
  people: PersonEntity[];
  places: EntityCount[];
  organizations: EntityCount[];
}

export interface SourceInfo {
  path: string;
  bytes: number;
  sha256: string;
  encoding: string;
}

export interface ArticleRecord {
  schema: typeof SCHEMA_ID;
  source: SourceInfo;
  article: ArticleMeta & { paragraphs: number };
  treaties: TreatyRecord[];
  quotes: QuoteRecord[];
  provisions: ProvisionRecord[];
  entities: Entities;
  warnings: Diagnostic[];
}

/** An input that could not be turned into a record still holds its place in the output. */
export interface ErrorRecord {
  schema: typeof SCHEMA_ID;
  source: { path: string };
  error: { code: string; message: string };
}

export type OutputRecord = ArticleRecord | ErrorRecord;

export const SCHEMA_ID = 'treaty-extract/1' as const;

export function isErrorRecord(record: OutputRecord): record is ErrorRecord {
  return 'error' in record;
}
