// Builds the main side (CLI, Electron main and preload, `npm start`) and the renderer with
// esbuild. Runs on `npm install` (prepare), so `npx syndic` works right after installing.
import { build } from 'esbuild';
import { chmodSync, copyFileSync, mkdirSync, rmSync } from 'node:fs';

const root = new URL('..', import.meta.url).pathname;
// Chunk names change with their contents: last build's chunks must not linger (and ship).
rmSync(`${root}dist/electron`, { recursive: true, force: true });
mkdirSync(`${root}dist/renderer`, { recursive: true });

const node = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  absWorkingDir: root,
};

await Promise.all([
  build({
    ...node,
    entryPoints: {
      cli: 'electron/cli/bin.ts',
      main: 'electron/shell/main.ts',
      start: 'electron/launcher/start.ts',
      'parse-worker': 'electron/engine/feeds/parse-worker.ts',
      'check-worker': 'electron/engine/store/check-worker.ts',
      'search-index-worker': 'electron/engine/store/search-index-worker.ts',
      // Browser mode's engine thread, and the desktop app's engine process (a utilityProcess).
      'engine-worker': 'electron/app/engine-worker.ts',
      'engine-process': 'electron/shell/engine-process.ts',
      // Used by build/after-pack.mjs when packaging (better-sqlite3 for Electron's ABI).
      native: 'electron/launcher/native-module.ts',
    },
    outdir: 'dist/electron',
    format: 'esm',
    // What the entry points share (the store, the parser, the bundled packages) goes into
    // chunks loaded by each, rather than a copy in each: the installer carries it once.
    // The chunks sit beside the entries, so `new URL('./parse-worker.js', import.meta.url)`
    // means the same file from either.
    splitting: true,
    // The pure-JavaScript dependencies are bundled in: loading feedsmith's and zod's 250
    // separate ES modules took 0.17 s of every CLI start (0.42 s against 0.25 s for
    // `syndic stats`) and 10 MB, and the parse worker paid it again. Left outside: the
    // native module, Electron's own, and what is loaded lazily and reads its own files
    // (jsdom with readability and DOMPurify, ws with its optional native helpers).
    external: ['better-sqlite3', 'electron', 'electron-updater', 'jsdom', '@mozilla/readability', 'dompurify', 'ws'],
    // `syndic` runs with a small young generation: a refresh churns through every feed's
    // parsed articles, and V8's default (semi-spaces up to 16 MB) held 30 MB more at the
    // peak (npm run bench: 196 MB against 166 MB). 4 MB, not 2: with 64 requests in flight
    // much of what a 2 MB space held was still alive at each scavenge and was copied into
    // the old generation to die there; 4 MB cut a cold refresh's GC pauses (both threads,
    // --trace-gc) from 1.15 s to 0.86 s for 10 MB more at the peak. `env -S` passes
    // the flag on Linux and macOS; npm's Windows shim reads it from this line too.
    // The bundled CommonJS packages (iconv-lite and its helpers) call `require`, which an
    // ES module lacks: the banner's last two lines give them Node's.
    banner: {
      js: [
        '#!/usr/bin/env -S node --max-semi-space-size=4',
        "import { createRequire as syndicCreateRequire } from 'node:module';",
        'const require = syndicCreateRequire(import.meta.url);',
      ].join('\n'),
    },
  }),
  // A sandboxed preload must be a single CommonJS file with nothing but 'electron' required.
  build({
    ...node,
    external: ['electron'],
    entryPoints: { preload: 'electron/shell/preload.ts' },
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
