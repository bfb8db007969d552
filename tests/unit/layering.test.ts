/**
 * The layering of design.md, enforced: only electron/main.ts, preload.ts and ipc.ts import
 * 'electron'; renderer/ never imports electron/; shared/ imports nothing from Node, the DOM,
 * Electron or React. ESLint says the same; this test makes it a failing test too.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

function sources(dir: string): string[] {
  const full = join(root, dir);
  try {
    statSync(full);
  } catch {
    return [];
  }
  return readdirSync(full, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(ts|tsx|mts|cts)$/.test(f) && !f.includes('node_modules'))
    .map((f) => join(dir, f));
}

const IMPORT =
  /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|(?:^|[^.\w])(?:import|require)\(\s*['"]([^'"]+)['"]\s*\)|(?:^|\n)\s*import\s*['"]([^'"]+)['"]/g;

export function importsOf(file: string): string[] {
  const text = readFileSync(join(root, file), 'utf8');
  return [...text.matchAll(IMPORT)].map((m) => m[1] ?? m[2] ?? m[3]!);
}

describe('layering', () => {
  it('finds the imports it checks (the checker itself works)', () => {
    assert.ok(importsOf('electron/cli.ts').includes('./service.js'));
    assert.ok(importsOf('electron/store/db.ts').includes('better-sqlite3'));
  });

  it("lets only electron/main.ts, preload.ts and ipc.ts import 'electron'", () => {
    const allowed = new Set(['electron/main.ts', 'electron/preload.ts', 'electron/ipc.ts']);
    const offenders = ['electron', 'renderer', 'shared']
      .flatMap(sources)
      .filter((f) => !allowed.has(f.replace(/\\/g, '/')))
      .filter((f) => importsOf(f).some((i) => i === 'electron' || i.startsWith('electron/')));
    assert.deepEqual(offenders, []);
  });

  it('keeps renderer/ away from electron/', () => {
    const offenders = sources('renderer').filter((f) =>
      importsOf(f).some(
        (i) =>
          i.startsWith('.') &&
          relative(root, join(root, f, '..', i))
            .replace(/\\/g, '/')
            .startsWith('electron/'),
      ),
    );
    assert.deepEqual(offenders, []);
  });

  it('keeps shared/ pure', () => {
    const offenders = sources('shared').filter((f) =>
      importsOf(f).some(
        (i) =>
          i.startsWith('node:') ||
          ['electron', 'react', 'react-dom', 'fs', 'path'].includes(i) ||
          /\.\.\/(electron|renderer)\//.test(i),
      ),
    );
    assert.deepEqual(offenders, []);
  });
});
