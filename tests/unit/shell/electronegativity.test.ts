/**
 * Electronegativity (Doyensec's Electron security checker, run offline) over the main
 * side: no HIGH finding. Medium ones are reviewed in the README's security section.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { tempDir } from '../../support/temp.js';

const root = fileURLToPath(new URL('../../..', import.meta.url));

describe('electronegativity', () => {
  it('reports no high-severity finding in electron/', () => {
    const dir = tempDir();
    try {
      const out = join(dir.path, 'findings.csv');
      const bin = join(root, 'node_modules', '@doyensec', 'electronegativity', 'dist', 'index.js');
      // -e: the Electron version we ship, so it need not look it up online.
      const run = spawnSync(
        process.execPath,
        [bin, '-i', join(root, 'electron'), '-r', '-o', out, '-v', 'false', '-e', '45.4.1'],
        {
          encoding: 'utf8',
          timeout: 120_000,
        },
      );
      assert.equal(run.status, 0, run.stderr);
      const rows = readFileSync(out, 'utf8').trim().split('\n').slice(1);
      const high = rows.filter((row) => row.split(',')[1] === '"HIGH"');
      assert.deepEqual(high, [], 'HIGH findings');
      // The checker really ran over our sources: it reviews the one openExternal call.
      assert.ok(
        rows.some((row) => row.startsWith('OPEN_EXTERNAL_JS_CHECK')),
        rows.join('\n'),
      );
    } finally {
      dir.remove();
    }
  });
});
