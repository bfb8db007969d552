/**
 * FreshRSS stores titles with some ASCII characters replaced by full-width look-alikes
 * (`escapeToUnicodeAlternative()` in its lib_rss.php): `&` `<` `>` in item titles and
 * authors, and also `? \ / , ;` in feed titles. Shown as they come, "Q&A" reads "Q＆A",
 * and a feed renamed to "A & B" in Syndic would come back "A ＆ B" and look renamed
 * again. Only ＆ ＜ ＞ are turned back: the others (，；？／) are ordinary punctuation in
 * Chinese and Japanese titles, which must stay as written.
 */
const LOOK_ALIKES: Record<string, string> = { '＆': '&', '＜': '<', '＞': '>' };

export function plainTitle(text: string | null): string | null {
  return text === null ? null : text.replace(/[＆＜＞]/g, (c) => LOOK_ALIKES[c] ?? c);
}
