/**
 * How the terminal views mark things. The renderers take a Palette instead of a chalk
 * instance so they stay pure and never decide about colour themselves: the CLI decides once
 * (src/cli/color.ts) and hands in either PLAIN or a coloured palette.
 */
export type Paint = (text: string) => string;

export interface Palette {
  /** article heading line */
  heading: Paint;
  /** section titles: Treaties, Quotes, Provisions */
  section: Paint;
  /** item ids (q1, p2, t1) */
  id: Paint;
  /** a small tag such as the quote kind: must stay recognisable without colour */
  tag: Paint;
  speaker: Paint;
  role: Paint;
  cue: Paint;
  /** provision type and ATOP code */
  type: Paint;
  /** cue words inside a provision clause: must stay visible without colour */
  highlight: Paint;
  /** secondary details: paragraph numbers, confidence, labels */
  dim: Paint;
  warning: Paint;
  error: Paint;
  /** YAML: mapping keys and scalar values by kind */
  key: Paint;
  string: Paint;
  number: Paint;
  literal: Paint;
}

const same: Paint = (text) => text;

/** No colour: tags in brackets, highlighted words between asterisks, everything else as is. */
export const PLAIN: Palette = {
  heading: same,
  section: same,
  id: same,
  tag: (text) => `[${text}]`,
  speaker: same,
  role: same,
  cue: same,
  type: same,
  highlight: (text) => `*${text}*`,
  dim: same,
  warning: same,
  error: same,
  key: same,
  string: same,
  number: same,
  literal: same,
};
