/**
 * The Porter stemmer exactly as SQLite's FTS5 `porter` tokenizer applies it (a port of
 * fts5PorterCb in SQLite's fts5_tokenize.c), so a highlight in the renderer marks the
 * words the full-text index matched: "encryption" and "encrypted" both stem to "encrypt".
 *
 * SQLite stems bytes, not characters: a token under 3 or over 64 bytes of UTF-8 is left
 * as it is, and non-ASCII bytes never match a rule. So the stem is computed over the
 * token's UTF-8 bytes (one char per byte) and returned in that form: a key to compare
 * with other keys, not text to show.
 */

/** A token's UTF-8 bytes, one char per byte (char codes 0-255). */
function utf8Bytes(token: string): string {
  let out = '';
  for (const ch of token) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) out += ch;
    else if (cp < 0x800) out += String.fromCharCode(0xc0 | (cp >> 6), 0x80 | (cp & 63));
    else if (cp < 0x10000) out += String.fromCharCode(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
    else
      out += String.fromCharCode(
        0xf0 | (cp >> 18),
        0x80 | ((cp >> 12) & 63),
        0x80 | ((cp >> 6) & 63),
        0x80 | (cp & 63),
      );
  }
  return out;
}

function isVowel(c: string | undefined, yIsVowel: boolean): boolean {
  return c === 'a' || c === 'e' || c === 'i' || c === 'o' || c === 'u' || (yIsVowel && c === 'y');
}

/** Length of the stem up to the end of its first vowel-consonant sequence; 0 when it has none. */
function gobbleVC(stem: string, prevConsonant: boolean): number {
  let consonant = prevConsonant;
  let i = 0;
  for (; i < stem.length; i++) {
    consonant = !isVowel(stem[i], consonant);
    if (!consonant) break;
  }
  for (i++; i < stem.length; i++) {
    consonant = !isVowel(stem[i], consonant);
    if (consonant) return i + 1;
  }
  return 0;
}

/** The rule conditions, named as in Porter's paper: m is the stem's count of VC sequences. */
const mGt0 = (stem: string): boolean => gobbleVC(stem, false) > 0;
function mGt1(stem: string): boolean {
  const n = gobbleVC(stem, false);
  return n > 0 && gobbleVC(stem.slice(n), true) > 0;
}
function mEq1(stem: string): boolean {
  const n = gobbleVC(stem, false);
  return n > 0 && gobbleVC(stem.slice(n), true) === 0;
}
/** *o: ends consonant-vowel-consonant, the last not w, x or y. */
function oStar(stem: string): boolean {
  const last = stem[stem.length - 1];
  if (last === 'w' || last === 'x' || last === 'y') return false;
  let mask = 0;
  let consonant = false;
  for (const c of stem) {
    consonant = !isVowel(c, consonant);
    mask = ((mask << 1) | (consonant ? 1 : 0)) & 7;
  }
  return mask === 5;
}
function hasVowel(stem: string): boolean {
  for (let i = 0; i < stem.length; i++) if (isVowel(stem[i], i > 0)) return true;
  return false;
}
const mGt1AndSOrT = (stem: string): boolean => /[st]$/.test(stem) && mGt1(stem);

/** [suffix, replacement, condition on the stem]; the first suffix that fits decides, whether or not its condition holds. */
type Rule = readonly [string, string, (stem: string) => boolean];

const STEP2: readonly Rule[] = [
  ['ational', 'ate', mGt0],
  ['tional', 'tion', mGt0],
  ['enci', 'ence', mGt0],
  ['anci', 'ance', mGt0],
  ['izer', 'ize', mGt0],
  ['logi', 'log', mGt0],
  ['bli', 'ble', mGt0],
  ['alli', 'al', mGt0],
  ['entli', 'ent', mGt0],
  ['eli', 'e', mGt0],
  ['ousli', 'ous', mGt0],
  ['ization', 'ize', mGt0],
  ['ation', 'ate', mGt0],
  ['ator', 'ate', mGt0],
  ['alism', 'al', mGt0],
  ['iveness', 'ive', mGt0],
  ['fulness', 'ful', mGt0],
  ['ousness', 'ous', mGt0],
  ['aliti', 'al', mGt0],
  ['iviti', 'ive', mGt0],
  ['biliti', 'ble', mGt0],
];

const STEP3: readonly Rule[] = [
  ['ical', 'ic', mGt0],
  ['ness', '', mGt0],
  ['icate', 'ic', mGt0],
  ['iciti', 'ic', mGt0],
  ['ful', '', mGt0],
  ['ative', '', mGt0],
  ['alize', 'al', mGt0],
];

const STEP4: readonly Rule[] = [
  ['al', '', mGt1],
  ['ance', '', mGt1],
  ['ence', '', mGt1],
  ['er', '', mGt1],
  ['ic', '', mGt1],
  ['able', '', mGt1],
  ['ible', '', mGt1],
  ['ant', '', mGt1],
  ['ement', '', mGt1],
  ['ment', '', mGt1],
  ['ent', '', mGt1],
  ['ion', '', mGt1AndSOrT],
  ['ou', '', mGt1],
  ['ism', '', mGt1],
  ['ate', '', mGt1],
  ['iti', '', mGt1],
  ['ous', '', mGt1],
  ['ive', '', mGt1],
  ['ize', '', mGt1],
];

/**
 * Applies the first rule whose suffix ends the word (with at least one byte before it).
 * Returns the new word, and whether a rule fired.
 */
function applyRules(word: string, rules: readonly Rule[]): [string, boolean] {
  for (const [suffix, replacement, condition] of rules) {
    if (word.length <= suffix.length || !word.endsWith(suffix)) continue;
    const stem = word.slice(0, word.length - suffix.length);
    return condition(stem) ? [stem + replacement, true] : [word, false];
  }
  return [word, false];
}

function step1a(w: string): string {
  const n = w.length;
  if (w[n - 1] !== 's') return w;
  if (w[n - 2] === 'e') {
    const drop2 = (n > 4 && w[n - 4] === 's' && w[n - 3] === 's') || (n > 3 && w[n - 3] === 'i');
    return w.slice(0, n - (drop2 ? 2 : 1));
  }
  return w[n - 2] !== 's' ? w.slice(0, n - 1) : w;
}

/** Step 1b: -eed, -ed, -ing; true when -ed or -ing went (the clean-up after it then runs). */
function step1b(w: string): [string, boolean] {
  if (w.length > 3 && w.endsWith('eed')) return [mGt0(w.slice(0, -3)) ? w.slice(0, -1) : w, false];
  for (const suffix of ['ed', 'ing']) {
    if (w.length > suffix.length && w.endsWith(suffix)) {
      const stem = w.slice(0, -suffix.length);
      return hasVowel(stem) ? [stem, true] : [w, false];
    }
  }
  return [w, false];
}

/** After -ed or -ing went: at → ate, bl → ble, iz → ize, a double consonant halved, or an e put back. */
function step1bCleanUp(w: string): string {
  for (const [end, full] of [
    ['at', 'ate'],
    ['bl', 'ble'],
    ['iz', 'ize'],
  ] as const) {
    if (w.length > 2 && w.endsWith(end)) return w.slice(0, -2) + full;
  }
  const c = w[w.length - 1]!;
  if (!isVowel(c, false) && c !== 'l' && c !== 's' && c !== 'z' && c === w[w.length - 2]) return w.slice(0, -1);
  if (mEq1(w) && oStar(w)) return w + 'e';
  return w;
}

/** The stem of one already folded token (lower case, diacritics removed), as FTS5's porter makes it. */
export function porterStem(token: string): string {
  let w = utf8Bytes(token);
  if (w.length > 64 || w.length < 3) return w;
  w = step1a(w);
  const [afterB, removed] = step1b(w);
  w = removed ? step1bCleanUp(afterB) : afterB;
  if (w.endsWith('y') && hasVowel(w.slice(0, -1))) w = w.slice(0, -1) + 'i';
  w = applyRules(w, STEP2)[0];
  w = applyRules(w, STEP3)[0];
  w = applyRules(w, STEP4)[0];
  if (w.endsWith('e')) {
    const stem = w.slice(0, -1);
    if (mGt1(stem) || (mEq1(stem) && !oStar(stem))) w = stem;
  }
  if (w.length > 1 && w.endsWith('ll') && mGt1(w.slice(0, -1))) w = w.slice(0, -1);
  return w;
}

/** Whether stemming only cuts the (folded) token short: "clas" → "cla" does, "encry" → "encri" does not. */
export function stemOnlyShortens(token: string): boolean {
  return utf8Bytes(token).startsWith(porterStem(token));
}
