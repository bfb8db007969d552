/**
 * The house rules of docs/architecture.md, enforced as a failing test (ESLint says the
 * import rules too; this test also covers what a lint rule cannot: where SQL lives, how
 * long a file is, what stands loose in electron/).
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Every TypeScript source below a folder, as a repository path with forward slashes. */
function sources(dir: string): string[] {
  const full = join(root, dir);
  try {
    statSync(full);
  } catch {
    return [];
  }
  return readdirSync(full, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(ts|tsx|mts|cts)$/.test(f) && !f.includes('node_modules'))
    .map((f) => posix.join(dir, f.replace(/\\/g, '/')));
}

const IMPORT =
  /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|(?:^|[^.\w])(?:import|require)\(\s*['"]([^'"]+)['"]\s*\)|(?:^|\n)\s*import\s*['"]([^'"]+)['"]/g;

export function importsOf(file: string): string[] {
  const text = readFileSync(join(root, file), 'utf8');
  return [...text.matchAll(IMPORT)].map((m) => m[1] ?? m[2] ?? m[3]!);
}

/** A relative import resolved to the repository path it names; bare imports as they are. */
function resolved(file: string, specifier: string): string {
  return specifier.startsWith('.') ? posix.normalize(posix.join(posix.dirname(file), specifier)) : specifier;
}

/** The files of `from` that import anything under one of the folders `forbidden`. */
function reaching(from: string, forbidden: string[]): string[] {
  return sources(from).filter((f) =>
    importsOf(f)
      .map((i) => resolved(f, i))
      .some((target) => forbidden.some((dir) => target.startsWith(dir + '/'))),
  );
}

describe('the house rules', () => {
  it('finds the imports it checks (the checker itself works)', () => {
    assert.ok(importsOf('electron/engine/store/db.ts').includes('better-sqlite3'));
    assert.deepEqual(reaching('electron/shell', ['electron/engine']).length > 0, true);
  });

  it("lets only electron/shell/ import 'electron'", () => {
    const offenders = ['electron', 'renderer', 'shared']
      .flatMap(sources)
      .filter((f) => !f.startsWith('electron/shell/'))
      .filter((f) => importsOf(f).some((i) => i === 'electron' || i.startsWith('electron/')));
    assert.deepEqual(offenders, []);
  });

  it('keeps the engine free of its doors, its starters and the shell', () => {
    const outside = ['electron/app', 'electron/doors', 'electron/cli', 'electron/shell', 'electron/launcher'];
    assert.deepEqual(reaching('electron/engine', outside), []);
  });

  it('keeps the doors transport-only: no composition root, CLI or shell', () => {
    assert.deepEqual(reaching('electron/doors', ['electron/app', 'electron/cli', 'electron/shell']), []);
  });

  it('keeps the composition root free of the CLI and the shell', () => {
    assert.deepEqual(reaching('electron/app', ['electron/cli', 'electron/shell', 'electron/launcher']), []);
  });

  it('keeps renderer/ to itself and shared/', () => {
    const offenders = sources('renderer').filter((f) =>
      importsOf(f)
        .filter((i) => i.startsWith('.'))
        .map((i) => resolved(f, i))
        .some((target) => !target.startsWith('renderer/') && !target.startsWith('shared/')),
    );
    assert.deepEqual(offenders, []);
  });

  it('keeps shared/ pure: no Node, DOM framework, Electron, or either side', () => {
    const offenders = sources('shared').filter((f) =>
      importsOf(f).some(
        (i) =>
          i.startsWith('node:') ||
          ['electron', 'react', 'react-dom', 'fs', 'path', 'better-sqlite3'].includes(i) ||
          /^(electron|renderer)\//.test(resolved(f, i)),
      ),
    );
    assert.deepEqual(offenders, []);
  });

  it('keeps every SQL statement in electron/engine/store/', () => {
    const SQL = /\.(prepare|exec|pragma)\(\s*[`'"]/;
    const offenders = sources('electron')
      .filter((f) => !f.startsWith('electron/engine/store/'))
      .filter((f) => SQL.test(readFileSync(join(root, f), 'utf8')));
    assert.deepEqual(offenders, []);
  });

  it('keeps the parser pure: no file system, network, database or clock', () => {
    const parser = 'electron/engine/feeds/parse.ts';
    const impure = importsOf(parser).filter(
      (i) => /^node:(fs|net|http|https|dns|child_process)/.test(i) || resolved(parser, i).includes('/store/'),
    );
    assert.deepEqual(impure, []);
    assert.doesNotMatch(readFileSync(join(root, parser), 'utf8'), /Date\.now\(\)/);
  });

  it('leaves electron/ holding folders (and its tsconfig)', () => {
    const loose = readdirSync(join(root, 'electron'), { withFileTypes: true })
      .filter((entry) => entry.isFile() && entry.name !== 'tsconfig.json')
      .map((entry) => entry.name);
    assert.deepEqual(loose, []);
  });

  it('keeps every source file readable in one sitting (450 lines; migrations excepted)', () => {
    const tooLong = ['electron', 'renderer', 'shared']
      .flatMap(sources)
      .filter((f) => !f.includes('/migrations/'))
      .map((f) => ({ f, lines: readFileSync(join(root, f), 'utf8').split('\n').length }))
      .filter(({ lines }) => lines > 450)
      .map(({ f, lines }) => `${f}: ${lines} lines`);
    assert.deepEqual(tooLong, []);
  });
});
