import { Parser } from 'htmlparser2';

/** Elements whose text is never article text. */
const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'svg', 'math', 'nav', 'aside', 'footer', 'form', 'button', 'select', 'iframe', 'object', 'head']);
/** Elements that end a paragraph of text. */
const BLOCKS = new Set([
  'p', 'div', 'section', 'article', 'main', 'header', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'blockquote',
  'pre', 'figure', 'figcaption', 'table', 'tr', 'dd', 'dt', 'dl', 'address', 'hr', 'br', 'body',
]);
/** Where the article is, from most to least specific: the first <article>, else <main>, else <body>. */
const CONTAINERS = ['article', 'main', 'body'] as const;
type Container = (typeof CONTAINERS)[number];

/**
 * A saved article page as plain text the pipeline can read: the headline, then one
 * paragraph per block element, separated by blank lines. Navigation, scripts, forms and
 * asides are dropped; entities are decoded by the parser (htmlparser2, which is forgiving
 * about the broken markup saved pages are full of). The headline is the page's <h1> when the
 * article has one, else its <title>.
 */
export function htmlToText(html: string): string {
  const paragraphs: Record<Container, string[]> = { article: [], main: [], body: [] };
  const open: Record<Container, number> = { article: 0, main: 0, body: 0 };
  let articlesSeen = 0;
  let skipping = 0;
  const headed: Record<Container, boolean> = { article: false, main: false, body: false };
  let inTitle = false;
  let inHeadline = false;
  let title = '';
  let line = '';

  const endParagraph = () => {
    const text = line.replace(/\s+/g, ' ').trim();
    line = '';
    if (!text) return;
    // text outside any <body> tag (a fragment) still counts as body text
    const within = CONTAINERS.filter((c) => open[c] > 0 || c === 'body');
    for (const c of within) {
      paragraphs[c].push(text);
      if (inHeadline) headed[c] = true;
    }
  };

  const parser = new Parser(
    {
      onopentag(name) {
        if (name === 'title') inTitle = true;
        if (SKIPPED.has(name)) skipping++;
        if (skipping) return;
        if (BLOCKS.has(name)) endParagraph();
        if (name === 'h1') inHeadline = true;
        if (name === 'article' && articlesSeen++ > 0 && open.article === 0) return;
        if (name in open) open[name as Container]++;
      },
      ontext(text) {
        if (inTitle) title += text;
        else if (!skipping) line += text;
      },
      onclosetag(name) {
        if (name === 'title') inTitle = false;
        if (SKIPPED.has(name)) {
          skipping = Math.max(0, skipping - 1);
          return;
        }
        if (skipping) return;
        if (BLOCKS.has(name)) endParagraph();
        if (name === 'h1') inHeadline = false;
        if (name in open && open[name as Container] > 0) open[name as Container]--;
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  endParagraph();

  const chosen = CONTAINERS.find((c) => paragraphs[c].length) ?? 'body';
  const headline = title.replace(/\s+/g, ' ').trim();
  const lines = headline && !headed[chosen] ? [headline, ...paragraphs[chosen]] : paragraphs[chosen];
  return lines.length ? `${lines.join('\n\n')}\n` : '';
}
