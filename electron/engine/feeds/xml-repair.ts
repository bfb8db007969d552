/**
 * Repairs the ways real feeds are not well-formed XML that feedsmith would refuse, though
 * every other reader shows them: text before the document, a DOCTYPE (whose entities must
 * never be expanded or fetched), stray bytes that are not XML characters, and a download
 * cut inside its very last tag. Pure string work, linear in the body.
 */

/**
 * What follows the last ">" when a download stops inside a closing tag ("</rss", "</feed",
 * "</chan"). Only closing tags: everything before one is complete, while a cut inside
 * text or an opening tag may have lost part of an item.
 */
const CUT_CLOSING_TAG = /^\s*<\/(?:[A-Za-z_][\w:.-]*\s*)?$/;

export function cleanXml(text: string): string {
  let s = text;
  const start = s.indexOf('<?xml');
  if (start > 0) s = s.slice(start);
  else if (start < 0) {
    const lt = s.indexOf('<');
    if (lt > 0) s = s.slice(lt);
  }
  if (/<!DOCTYPE/i.test(s.slice(0, 4096))) {
    s = s.replace(/<!DOCTYPE[^[>]*(\[[\s\S]*?\]\s*)?>/i, '');
  }
  // Dropped rather than completed: the elements it leaves open end with the document,
  // which feedsmith reads as closed (as it does a download cut right after a tag).
  const tail = s.slice(s.lastIndexOf('>') + 1);
  if (CUT_CLOSING_TAG.test(tail)) s = s.slice(0, s.length - tail.length);
  // eslint-disable-next-line no-control-regex -- removing characters XML forbids
  return s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');
}
