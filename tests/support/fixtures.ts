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
  return 'application/rss+xml';
}
