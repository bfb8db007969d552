/** Paths to the committed fixture feeds (made by tests/fixtures/make-fixtures.ts). */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const fixturesDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');

export function fixture(kind: 'feeds' | 'edge', name: string): Buffer {
  return readFileSync(join(fixturesDir, kind, name));
}

export function seedFeedNames(): string[] {
  return readdirSync(join(fixturesDir, 'feeds')).sort();
}

export function contentTypeOf(name: string): string {
  if (name.endsWith('.json')) return 'application/feed+json';
  if (name.endsWith('.atom')) return 'application/atom+xml';
  if (name.endsWith('.html')) return 'text/html; charset=utf-8';
  if (name.endsWith('.png')) return 'image/png';
  return 'application/rss+xml';
}

/** The fixture web site (feeds with images, article pages, pictures): [site path, bytes, type]. */
export function siteFiles(): [string, Buffer, string][] {
  const root = join(fixturesDir, 'site');
  const files: [string, Buffer, string][] = [];
  const walk = (dir: string, prefix: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = `${prefix}/${entry.name}`;
      if (entry.isDirectory()) walk(join(dir, entry.name), path);
      else files.push([path, readFileSync(join(dir, entry.name)), contentTypeOf(entry.name)]);
    }
  };
  walk(root, '');
  return files.sort((a, b) => a[0].localeCompare(b[0]));
}
