// Builds the main side (CLI, Electron main and preload, `npm start`) and the renderer with
// esbuild. Runs on `npm install` (prepare), so `npx syndic` works right after installing.
import { build } from 'esbuild';
import { chmodSync, copyFileSync, mkdirSync } from 'node:fs';

const root = new URL('..', import.meta.url).pathname;
mkdirSync(`${root}dist/renderer`, { recursive: true });

const node = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
  absWorkingDir: root,
};

await Promise.all([
  build({
    ...node,
    entryPoints: {
      cli: 'electron/bin.ts',
      main: 'electron/main.ts',
      start: 'electron/start.ts',
      'parse-worker': 'electron/feeds/parse-worker.ts',
      'check-worker': 'electron/store/check-worker.ts',
      // Used by build/after-pack.mjs when packaging (better-sqlite3 for Electron's ABI).
      native: 'electron/native-module.ts',
    },
    outdir: 'dist/electron',
    format: 'esm',
    // `syndic` runs with a small young generation: a refresh churns through every feed's
    // parsed articles, and V8's default (semi-spaces up to 16 MB) held 30 MB more at the
    // peak for no measurable speed (npm run bench: 196 MB against 166 MB). `env -S` passes
    // the flag on Linux and macOS; npm's Windows shim reads it from this line too.
    banner: { js: '#!/usr/bin/env -S node --max-semi-space-size=2' },
  }),
  // A sandboxed preload must be a single CommonJS file with nothing but 'electron' required.
  build({
    ...node,
    packages: undefined,
    external: ['electron'],
    entryPoints: { preload: 'electron/preload.ts' },
    outdir: 'dist/electron',
    outExtension: { '.js': '.cjs' },
    format: 'cjs',
  }),
  build({
    bundle: true,
    platform: 'browser',
    target: ['chrome120', 'firefox120', 'safari16'],
    format: 'esm',
    minify: process.env.NODE_ENV !== 'development',
    sourcemap: true,
    logLevel: 'warning',
    absWorkingDir: root,
    jsx: 'automatic',
    entryPoints: { app: 'renderer/src/main.tsx' },
    outdir: 'dist/renderer',
    define: { 'process.env.NODE_ENV': '"production"' },
  }),
]);
copyFileSync(`${root}renderer/index.html`, `${root}dist/renderer/index.html`);
copyFileSync(`${root}build/icons/32x32.png`, `${root}dist/renderer/icon.png`);

// The `syndic` bin must be executable for npx and for a global install.
chmodSync(`${root}dist/electron/cli.js`, 0o755);
