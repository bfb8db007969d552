// Builds the main side (CLI, later Electron main and preload) and the renderer with esbuild.
// Runs on `npm install` (prepare), so `npx syndic` works right after installing.
import { build } from 'esbuild';
import { chmodSync, mkdirSync } from 'node:fs';

const root = new URL('..', import.meta.url).pathname;
mkdirSync(`${root}dist`, { recursive: true });

const node = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
  absWorkingDir: root,
};

await build({
  ...node,
  entryPoints: { cli: 'electron/bin.ts' },
  outdir: 'dist/electron',
  format: 'esm',
  banner: { js: '#!/usr/bin/env node' },
});

// The `syndic` bin must be executable for npx and for a global install.
chmodSync(`${root}dist/electron/cli.js`, 0o755);
