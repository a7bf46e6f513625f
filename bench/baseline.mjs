// The floor: the least any tool must do with the corpus. Reads every file, decodes it as
// UTF-8 and pairs quote marks (curly, straight, guillemets) with a stack; nothing else.
//   node bench/baseline.mjs DIR   -> prints {"articles","bytes","quotes"} as JSON
import { opendir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

const OPENING = new Map([
  ['“', '”'],
  ['‘', '’'],
  ['«', '»'],
  ['„', '“'],
]);
const STRAIGHT = new Set(['"']);

/** Quote pairs in the text: an opening mark waits on a stack for its closing one. */
export function pairQuotes(text) {
  const stack = [];
  let pairs = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (STRAIGHT.has(c)) {
      if (stack.length && stack[stack.length - 1] === c) {
        stack.pop();
        pairs++;
      } else stack.push(c);
    } else if (OPENING.has(c)) {
      stack.push(OPENING.get(c));
    } else if (stack.length && stack[stack.length - 1] === c) {
      stack.pop();
      pairs++;
    }
  }
  return pairs;
}

async function* files(dir) {
  const entries = [];
  for await (const entry of await opendir(dir)) entries.push(entry);
  entries.sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else if (entry.name.endsWith('.txt')) yield path;
  }
}

export async function baseline(dir) {
  let articles = 0;
  let bytes = 0;
  let quotes = 0;
  for await (const path of files(dir)) {
    const data = await readFile(path);
    articles++;
    bytes += data.length;
    quotes += pairQuotes(new TextDecoder().decode(data));
  }
  return { articles, bytes, quotes };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await baseline(process.argv[2])));
}
