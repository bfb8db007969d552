// electron-builder afterPack hook: puts better-sqlite3 built for the packaged Electron's
// ABI (made once per version/platform/arch by electron/native-module.ts, kept in
// node_modules/.cache/) into the app, in place of the Node build that npm installed and
// the tests use. The project's own node_modules are never touched.
import { copyFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ARCHES = ['ia32', 'x64', 'armv7l', 'arm64', 'universal'];

export default async function afterPack(context) {
  const { appOutDir, electronPlatformName, packager } = context;
  const arch = typeof context.arch === 'number' ? ARCHES[context.arch] : String(context.arch);
  const resources =
    electronPlatformName === 'darwin'
      ? join(appOutDir, `${packager.appInfo.productFilename}.app`, 'Contents', 'Resources')
      : join(appOutDir, 'resources');
  const target = join(
    resources,
    'app.asar.unpacked',
    'node_modules',
    'better-sqlite3',
    'build',
    'Release',
    'better_sqlite3.node',
  );
  if (!existsSync(target))
    throw new Error(`afterPack: ${target} is missing; better-sqlite3 was not unpacked from the asar`);
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  const native = await import(pathToFileURL(join(root, 'dist', 'electron', 'native.js')).href);
  const electronVersion = packager.config.electronVersion || native.installedElectronTarget(root).electronVersion;
  const binding = native.ensureElectronBinding(
    root,
    { electronVersion, platform: electronPlatformName, arch },
    (line) => console.log(`  • ${line}`),
  );
  copyFileSync(binding, target);
  console.log(`  • afterPack: better-sqlite3 for Electron (${electronPlatformName}-${arch}) in place`);
}
