import { describe, expect, it } from 'vitest';
import { htmlToText } from '../src/sources/html.js';

describe('htmlToText', () => {
  it('takes the first <article>, its <h1> as headline, one paragraph per block, entities decoded', () => {
    const page = `<html><head><title>Paper | Ministers meet</title><style>p { color: red }</style></head><body>
      <header><nav><a href="/">Home</a> <a href="/world">World</a></nav></header>
      <article><h1>Ministers  meet
      in Minsk</h1><p>The minister said the talks were &ldquo;useful&rdquo;.<br>More on Monday.</p>
      <aside>Read also: something else</aside><ul><li>First point</li><li>Second point</li></ul></article>
      <article><p>A second teaser article.</p></article>
      <footer>&copy; Paper</footer><script>document.write("x")</script></body></html>`;
    expect(htmlToText(page)).toBe(
      ['Ministers meet in Minsk', 'The minister said the talks were “useful”.', 'More on Monday.', 'First point', 'Second point'].join('\n\n') + '\n',
    );
  });

  it('falls back to <main>, then <body>, with the <title> as headline when there is no <h1>', () => {
    expect(htmlToText('<title>Talks resume</title><body><div>Nav-free text.</div><main><p>Main text.</p></main></body>')).toBe('Talks resume\n\nMain text.\n');
    expect(htmlToText('<html><head><title>Notes</title></head><body><p>One.</p><p>Two.</p></body></html>')).toBe('Notes\n\nOne.\n\nTwo.\n');
  });

  it('reads a fragment without <html> or <body>, and an empty page as empty text', () => {
    expect(htmlToText('<p>Just a paragraph &amp; more.</p>')).toBe('Just a paragraph & more.\n');
    expect(htmlToText('')).toBe('');
    expect(htmlToText('<script>only code</script>')).toBe('');
  });
});
