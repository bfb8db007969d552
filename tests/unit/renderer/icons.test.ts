/**
 * Icons are SVG (lucide), never characters: emoji and symbol glyphs depend on the fonts a
 * system has (the trash can rendered blank on Linux) and screen readers read them out
 * ("black star"). This scans the renderer's components for such characters in their text.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

const COMPONENTS = new URL('../../../renderer/src/', import.meta.url).pathname;

/** Pictographs, arrows, dingbats, geometric shapes and the like: what fonts draw as icons. */
const ICON_CHARACTER = /[\p{Extended_Pictographic}\u2190-\u21FF\u2300-\u23FF\u25A0-\u27FF\u2900-\u297F\u2B00-\u2BFF]/u;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.tsx') ? [path] : [];
  });
}

/** The source without its comments (which may name a key such as ⌘ or an arrow). */
function code(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');
}

/** Keys named in hints are text, not icons. */
const ALLOWED = new Set(['⌘', '⇧', '⌥']);

export function iconCharacters(text: string): string[] {
  return [...code(text)].filter((c) => ICON_CHARACTER.test(c) && !ALLOWED.has(c));
}

test('no component draws an icon with a character', () => {
  const found: string[] = [];
  for (const file of sources(COMPONENTS)) {
    const chars = iconCharacters(readFileSync(file, 'utf8'));
    if (chars.length) found.push(`${file.slice(COMPONENTS.length)}: ${[...new Set(chars)].join(' ')}`);
  }
  assert.deepEqual(found, []);
});

test('the scan sees the characters the old components used', () => {
  assert.deepEqual(iconCharacters(`<button>🗑</button><b>{on ? '★' : '☆'}</b> ⟳ ⚙ ↗`), ['🗑', '★', '☆', '⟳', '⚙', '↗']);
  assert.deepEqual(iconCharacters('// ★ in a comment\n<p>Ctrl/⌘-click</p>'), []);
});
