/**
 * A Syndic process for sync-crash.test.ts to kill with SIGKILL. It opens the data dir as the
 * app does and then, by mode:
 *   mark ACCOUNT N      marks N of the account's unread articles read, one transaction each
 *                       (as reading them one by one does), prints "committed", and idles;
 *   sync ACCOUNT PHASE  syncs the account and, at the first progress of PHASE past its start,
 *                       prints "frozen" and stops dead there (the parent kills it mid-sync).
 * It never exits on its own in either mode: only the kill ends it.
 */
import { writeSync } from 'node:fs';
import { openApp } from '../../../../electron/app/open-app.js';
import { inThreadParser } from '../../../../electron/engine/feeds/in-thread-parser.js';

const [dataDir, mode, accountArg, extra] = process.argv.slice(2);
if (!dataDir || !mode || !accountArg || !extra) throw new Error('usage: crash-child DIR mark|sync ACCOUNT N|PHASE');
const accountId = Number(accountArg);

function say(line: string): void {
  writeSync(1, `${line}\n`); // synchronous: the parent must see it before anything else happens
}

/** Blocks the whole process (no timer, no I/O, no further sync step) until it is killed. */
function freeze(): never {
  const cell = new Int32Array(new SharedArrayBuffer(4));
  for (;;) Atomics.wait(cell, 0, 0, 60_000);
}

const app = openApp({
  dataDir,
  parser: inThreadParser,
  headless: true,
  emit: (name, payload) => {
    if (name !== 'sync-progress' || mode !== 'sync') return;
    const progress = payload as { phase: string; done: number; total: number };
    if (progress.phase === extra && progress.done > 0 && progress.done < progress.total) {
      say('frozen');
      freeze();
    }
  },
});

if (mode === 'mark') {
  const ids = (
    app.db
      .prepare(
        `SELECT a.id FROM articles a JOIN synced_articles s ON s.article_id = a.id
         WHERE s.account_id = ? AND a.read = 0 ORDER BY a.id LIMIT ?`,
      )
      .all(accountId, Number(extra)) as { id: number }[]
  ).map((r) => r.id);
  for (const id of ids) await app.service.markRead([id], true);
  say(`committed ${ids.length}`);
  setInterval(() => undefined, 60_000);
} else {
  await app.service.syncNow(accountId);
  say('finished'); // the parent fails the test if it sees this
  setInterval(() => undefined, 60_000);
}
