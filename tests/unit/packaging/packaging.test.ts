/**
 * The packaging test, runnable without downloading anything: electron-builder packs the
 * unpacked Linux app (`--linux dir`) around a stand-in Electron distribution, with the
 * project's real configuration, and the test reads what went into the asar: the built
 * main, preload and renderer, production dependencies only, better-sqlite3's native
 * module unpacked beside the asar, and the size.
 */
import { extractFile, listPackage } from '@electron/asar';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { electronBindingPath } from '../../../electron/launcher/native-module.js';
import { tempDir } from '../../support/temp.js';

const root = join(import.meta.dirname, '..', '..', '..');
const MB = 1024 * 1024;
const STAND_IN_VERSION = '45.4.1-syndic-test';

interface LockEntry {
  dev?: boolean;
  version?: string;
}

/** Bytes under a folder, counted the same on every platform. */
function folderBytes(path: string): number {
  return readdirSync(path, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .reduce((sum, entry) => sum + statSync(join(entry.parentPath, entry.name)).size, 0);
}

// The stand-in is a Linux distribution: the other platforms' runners build their real
// installers in the release workflow.
const onLinux = process.platform === 'linux';

describe('packaging (electron-builder, Linux unpacked, stand-in Electron)', { skip: !onLinux && 'Linux only' }, () => {
  let dir: ReturnType<typeof tempDir>;
  let resources: string;
  let files: string[];
  let binding = '';

  before(() => {
    assert.ok(existsSync(join(root, 'dist', 'electron', 'main.js')), 'run "npm run build" first (npm test does)');
    dir = tempDir('syndic-pack-');
    // What electron-builder copies as "Electron": an executable named electron, and a version.
    const standIn = join(dir.path, 'electron-dist');
    mkdirSync(join(standIn, 'resources'), { recursive: true });
    writeFileSync(join(standIn, 'electron'), '#!/bin/sh\necho "stand-in Electron"\n');
    chmodSync(join(standIn, 'electron'), 0o755);
    writeFileSync(join(standIn, 'version'), STAND_IN_VERSION);
    // The Electron build of better-sqlite3 that the after-pack hook puts in the app comes
    // from the native-module cache; a stand-in for a stand-in Electron version is seeded
    // there, so the hook's real path runs without a download.
    binding = electronBindingPath(root, { electronVersion: STAND_IN_VERSION, platform: 'linux', arch: 'x64' });
    mkdirSync(dirname(binding), { recursive: true });
    writeFileSync(binding, `stand-in better-sqlite3 for Electron ${STAND_IN_VERSION}`);
    const out = join(dir.path, 'release');
    const run = spawnSync(
      process.execPath,
      [
        join(root, 'node_modules', 'electron-builder', 'cli.js'),
        '--config',
        'build/electron-builder.yml',
        '--linux',
        'dir',
        '--publish',
        'never',
        `-c.electronDist=${standIn}`,
        `-c.directories.output=${out}`,
        `-c.electronVersion=${STAND_IN_VERSION}`,
      ],
      { cwd: root, encoding: 'utf8', timeout: 240_000 },
    );
    assert.equal(run.status, 0, `electron-builder failed:\n${run.stdout}\n${run.stderr}`);
    assert.match(run.stdout, /afterPack: better-sqlite3 for Electron \(linux-x64\) in place/);
    resources = join(out, 'linux-unpacked', 'resources');
    files = listPackage(join(resources, 'app.asar'), { isPack: false }).map((f) => f.replaceAll('\\', '/'));
  });
  after(() => {
    dir?.remove();
    if (binding) rmSync(dirname(binding), { recursive: true, force: true });
  });

  it('holds the built app: main, preload, workers, CLI, renderer, icon, and no sources or maps', () => {
    for (const file of [
      '/package.json',
      '/dist/electron/main.js',
      '/dist/electron/preload.cjs',
      '/dist/electron/parse-worker.js',
      '/dist/electron/check-worker.js',
      '/dist/electron/cli.js',
      '/dist/renderer/index.html',
      '/dist/renderer/app.js',
      '/build/icons/256x256.png',
    ])
      assert.ok(files.includes(file), `${file} is in the asar`);
    const stray = files.filter(
      (f) =>
        /\.map$/.test(f) ||
        (!f.startsWith('/node_modules/') && /^\/(electron|renderer|shared|tests)\/|\.tsx?$/.test(f)),
    );
    assert.deepEqual(stray, [], 'no source, test or source map');
    assert.deepEqual(
      files.filter((f) => /\.(ts|mts|cts)$/.test(f) && !f.endsWith('.d.ts')),
      [],
      "no dependency's TypeScript sources",
    );
    const manifest = JSON.parse(extractFile(join(resources, 'app.asar'), 'package.json').toString()) as {
      main: string;
    };
    assert.equal(manifest.main, 'dist/electron/main.js');
  });

  it('carries production dependencies only', () => {
    const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, LockEntry>;
    };
    // What production needs, by name and version (electron-builder may hoist a nested copy).
    const production = new Set(
      Object.entries(lock.packages)
        .filter(([path, entry]) => path && !entry.dev)
        .map(([path, entry]) => `${path.slice(path.lastIndexOf('node_modules/') + 13)}@${entry.version}`),
    );
    const asar = join(resources, 'app.asar');
    const packaged = new Set<string>();
    const notProduction: string[] = [];
    for (const file of files) {
      const dir = /^\/((?:node_modules\/(?:@[^/]+\/)?[^/]+\/)*node_modules\/(?:@[^/]+\/)?[^/]+)\/package\.json$/.exec(
        file,
      )?.[1];
      if (!dir) continue;
      const { name, version } = JSON.parse(extractFile(asar, `${dir}/package.json`).toString()) as LockEntry & {
        name?: string;
      };
      // Nested package.json files that are not packages (a "type" marker in a sub-folder) have no name.
      if (!name) continue;
      packaged.add(name);
      if (!production.has(`${name}@${version}`)) notProduction.push(`${name}@${version}`);
    }
    assert.deepEqual(notProduction, [], 'no development-only package');
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
      devDependencies: Record<string, string>;
    };
    for (const name of Object.keys(pkg.dependencies))
      assert.ok(packaged.has(name), `${name} (a dependency) is packaged`);
    for (const name of [
      'electron',
      'react',
      'react-dom',
      'typescript',
      'esbuild',
      '@playwright/test',
      'electron-builder',
    ])
      assert.ok(!packaged.has(name), `${name} is not packaged`);
  });

  it('keeps the native module, built for Electron, outside the asar, where it can be loaded', () => {
    const native = join(
      resources,
      'app.asar.unpacked',
      'node_modules/better-sqlite3/build/Release/better_sqlite3.node',
    );
    assert.ok(existsSync(native), 'unpacked beside the asar');
    assert.deepEqual(readFileSync(native), readFileSync(binding), "the Electron build, not npm's Node build");
    const nodeBuild = join(root, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node');
    assert.notDeepEqual(readFileSync(nodeBuild), readFileSync(binding), 'the Node build the tests use is untouched');
    assert.ok(!files.some((f) => /better-sqlite3\/(src|deps)\//.test(f)), "better-sqlite3's C sources are left out");
  });

  it('stays small', () => {
    const asar = statSync(join(resources, 'app.asar')).size;
    const unpackedBytes = folderBytes(join(resources, 'app.asar.unpacked'));
    console.log(`  app.asar ${(asar / MB).toFixed(1)} MB, unpacked ${(unpackedBytes / MB).toFixed(1)} MB`);
    assert.ok(asar < 40 * MB, `app.asar is ${(asar / MB).toFixed(1)} MB`);
    assert.ok(unpackedBytes < 10 * MB, `the unpacked part is ${(unpackedBytes / MB).toFixed(1)} MB`);
  });
});
