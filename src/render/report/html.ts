/** Escaping for text and attribute values: the report embeds article text, never trusts it. */
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function esc(value: string | number): string {
  return String(value).replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** `name="value"` pairs for the attributes that are set; values escaped. */
export function attrs(values: Record<string, string | number | null | undefined | false>): string {
  return Object.entries(values)
    .filter(([, v]) => v !== null && v !== undefined && v !== false)
    .map(([k, v]) => ` ${k}="${esc(v as string | number)}"`)
    .join('');
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** A provision type as a CSS class name part (user rules may name types freely). */
export function typeClass(type: string): string {
  return type.replace(/[^A-Za-z0-9_-]/g, '_');
}
