import { feedXml } from '/work/main/tests/support/corpus.ts';
import { loadSeedPostsFromFixtures } from '/work/main/tests/support/seed-posts.ts';
import { parseFeed } from '/work/main/electron/feeds/parse.ts';
import { htmlToText } from '/work/main/electron/feeds/html-text.ts';
import { decodeHTML } from 'entities';
const posts = loadSeedPostsFromFixtures();
const items = Array.from({ length: 1000 }, (_, f) => parseFeed({ body: Buffer.from(feedXml(f, 20, posts)), url: `http://h/${f}`, contentType: null }).items).flat();
const htmls = items.map((i) => i.content ?? i.summary ?? '');
function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 160 || c === 0xfeff || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000;
}
function stripLoop(s: string): string {
  let out = '';
  let start = 0; // start of pending text run
  let i = 0;
  const n = s.length;
  let gap = false; // a separator is pending
  while (i < n) {
    const c = s.charCodeAt(i);
    if (c === 60 /* < */) {
      const close = s.indexOf('>', i + 1);
      if (close === -1) { i++; continue; }
      if (start < i) out += s.slice(start, i);
      gap = true; i = close + 1; start = i;
      // merge with following
      continue;
    }
    if (isSpace(c)) {
      if (start < i) out += s.slice(start, i);
      gap = true; i++; start = i; continue;
    }
    if (gap) { out += ' '; gap = false; }
    // fast path: run of ordinary chars
    i++;
  }
  if (start < n) out += s.slice(start, n);
  return out;
}
// Note: semantics need care: gap emission ordering. quick version for timing only:
function stripLoop2(s: string): string {
  const parts: string[] = [];
  let i = 0; const n = s.length; let runStart = -1; let sep = false;
  while (i < n) {
    const c = s.charCodeAt(i);
    let skipTo = -1;
    if (c === 60) { const close = s.indexOf('>', i + 1); if (close !== -1) skipTo = close + 1; }
    else if (isSpace(c)) skipTo = i + 1;
    if (skipTo !== -1) {
      if (runStart !== -1) { parts.push(s.slice(runStart, i)); runStart = -1; }
      sep = true; i = skipTo; continue;
    }
    if (runStart === -1) { if (sep && parts.length) parts.push(' '); else if (sep) parts.push(' '); sep = false; runStart = i; }
    i++;
  }
  if (runStart !== -1) parts.push(s.slice(runStart));
  else if (sep) parts.push(' ');
  return parts.join('');
}
const RE = /(?:<[^>]*>|\s)+/g;
for (let r = 0; r < 3; r++) {
  let t = performance.now(); let x = 0;
  for (const h of htmls) x += h.replace(RE, ' ').length;
  const tRe = performance.now() - t; t = performance.now(); let y = 0;
  for (const h of htmls) y += stripLoop2(h).length;
  const tLoop = performance.now() - t; t = performance.now();
  for (const h of htmls) htmlToText(h, 32000);
  const tFull = performance.now() - t; t = performance.now();
  let amp = 0; for (const h of htmls) { const s = h.replace(RE, ' '); if (s.includes('&')) { amp++; decodeHTML(s).replace(/\s+/g, ' '); } }
  const tDec = performance.now() - t;
  console.log({ tRe: tRe.toFixed(0), tLoop: tLoop.toFixed(0), tFull: tFull.toFixed(0), tDecPlusRe: tDec.toFixed(0), amp, x, y });
}
let diff = 0; for (const h of htmls) if (h.replace(RE, ' ') !== stripLoop2(h)) diff++;
console.log('diff', diff);
