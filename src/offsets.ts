/**
 * Converts UTF-16 code unit offsets (how JavaScript indexes strings) into Unicode code point
 * offsets (what the output record speaks). Built once per text; O(1) per lookup.
 */
export function codePointMapper(text: string): (utf16: number) => number {
  if (!/[\uD800-\uDBFF]/.test(text)) return (i) => i;
  const prefix = new Uint32Array(text.length + 1);
  let surrogates = 0;
  for (let i = 0; i < text.length; i++) {
    prefix[i] = i - surrogates;
    const c = text.charCodeAt(i);
    if (c >= 0xdc00 && c <= 0xdfff && i > 0 && isHigh(text.charCodeAt(i - 1))) surrogates++;
  }
  prefix[text.length] = text.length - surrogates;
  return (i) => prefix[i];
}

function isHigh(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

/** Index of the first item starting at or after `offset` (`items.length` if none), items in text order: a binary search. */
export function firstStartingFrom(items: readonly { start: number }[], offset: number): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (items[mid].start < offset) low = mid + 1;
    else high = mid;
  }
  return low;
}
