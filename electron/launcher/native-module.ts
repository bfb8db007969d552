/**
 * better-sqlite3 for Electron. `npm install` builds the native module for Node: that is
 * what the CLI, browser mode and every test use. Electron needs one built for its own ABI.
 * It is made once per (better-sqlite3, Electron, platform, arch) into
 * `node_modules/.cache/syndic-native/`, beside the Node build and never over it, so
 * switching between the two needs no step: `npm start` hands it to better-sqlite3 as its
 * `nativeBinding`, and packaging puts it into the app in place of the Node build
 * (build/after-pack.mjs). It comes from better-sqlite3's published prebuilds
 * (prebuild-install, as better-sqlite3's own install does), else it is compiled against
 * Electron's headers with node-gyp.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export interface NativeTarget {
  electronVersion: string;
  platform: string;
  arch: string;
}

const BINDING = 'better_sqlite3.node';

function packageDir(root: string, name: string): string {
  return dirname(createRequire(join(root, 'package.json')).resolve(`${name}/package.json`));
}

function versionOf(root: string, name: string): string {
  return (JSON.parse(readFileSync(join(packageDir(root, name), 'package.json'), 'utf8')) as { version: string })
    .version;
}

/** The Electron this checkout installed, for this machine. */
export function installedElectronTarget(root: string): NativeTarget {
  return { electronVersion: versionOf(root, 'electron'), platform: process.platform, arch: process.arch };
}

export function electronBindingPath(root: string, target: NativeTarget): string {
  const key = `better-sqlite3-${versionOf(root, 'better-sqlite3')}-electron-${target.electronVersion}-${target.platform}-${target.arch}`;
  return join(root, 'node_modules', '.cache', 'syndic-native', key, BINDING);
}

function nodeGyp(root: string): string | null {
  const candidates = [process.env.npm_config_node_gyp];
  try {
    candidates.push(join(packageDir(root, 'node-gyp'), 'bin', 'node-gyp.js'));
  } catch {
    // Not installed beside the app: npm's own copy below.
  }
  candidates.push(
    join(
      dirname(process.execPath),
      '..',
      'lib',
      'node_modules',
      'npm',
      'node_modules',
      'node-gyp',
      'bin',
      'node-gyp.js',
    ),
  );
  return candidates.find((c): c is string => Boolean(c && existsSync(c))) ?? null;
}

/**
 * The Electron build of the module: from the cache when made before, else made now
 * (a download, or a compile of a minute or two). Throws with what went wrong.
 */
export function ensureElectronBinding(root: string, target: NativeTarget, log: (line: string) => void): string {
  const cached = electronBindingPath(root, target);
  if (existsSync(cached)) return cached;
  log(`Building better-sqlite3 for Electron ${target.electronVersion} (${target.platform}-${target.arch}), once…`);
  const source = packageDir(root, 'better-sqlite3');
  const work = mkdtempSync(join(tmpdir(), 'syndic-native-'));
  try {
    for (const part of ['package.json', 'binding.gyp', 'src', 'deps', 'lib'])
      cpSync(join(source, part), join(work, part), { recursive: true });
    const built = join(work, 'build', 'Release', BINDING);
    const run = (args: string[]): boolean =>
      spawnSync(process.execPath, args, { cwd: work, stdio: 'inherit', env: process.env }).status === 0 &&
      existsSync(built);
    const prebuilt = run([
      join(packageDir(root, 'prebuild-install'), 'bin.js'),
      '--runtime=electron',
      `--target=${target.electronVersion}`,
      `--platform=${target.platform}`,
      `--arch=${target.arch}`,
    ]);
    if (!prebuilt) {
      const gyp = nodeGyp(root);
      if (!gyp) throw new Error('no prebuilt module could be downloaded, and node-gyp was not found to compile one');
      const compiled = run([
        gyp,
        'rebuild',
        '--release',
        `--target=${target.electronVersion}`,
        `--arch=${target.arch}`,
        '--dist-url=https://electronjs.org/headers',
      ]);
      if (!compiled) throw new Error('neither a prebuilt module nor a compile against Electron’s headers worked');
    }
    mkdirSync(dirname(cached), { recursive: true });
    // Copied under a temporary name and renamed: a half-copied module is never found.
    copyFileSync(built, `${cached}.part`);
    renameSync(`${cached}.part`, cached);
    return cached;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
