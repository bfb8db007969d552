/**
 * The attributes of one start tag (`<link rel="alternate" href=…>`, `<outline …>`), read
 * with a linear regex and decoded by the caller's entity decoder: HTML pages allow
 * unquoted values and HTML entities, OPML is XML. Names come back lower-cased.
 */
const ATTRIBUTE = /([A-Za-z_:][-A-Za-z0-9_:.]*)\s*=\s*("([^"]*)"|'([^']*)'|([^\s"'>]+))/g;

export function tagAttributes(tag: string, decode: (value: string) => string): Record<string, string> {
  const attrs: Record<string, string> = {};
  for (const m of tag.matchAll(ATTRIBUTE)) attrs[m[1]!.toLowerCase()] = decode(m[3] ?? m[4] ?? m[5] ?? '').trim();
  return attrs;
}
