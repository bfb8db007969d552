/**
 * The indexer's thread (schema 11): its own connection to the database, reading the
 * backlog and the articles, writing only the index file. Told "wake" whenever writes have
 * committed new backlog entries, it indexes until the backlog is empty, merges the
 * segments it wrote, merges the whole index when it has grown enough, and says "idle".
 * Between batches and merge slices it yields, so a new "wake" or "stop" is seen at once:
 * new articles never wait behind a long merge.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase, useNativeBinding } from './db.js';
import { indexBacklogBatch } from './search-indexing.js';
import { mergeNewSegmentsStep, mergeSearchIndexStep, searchIndexMergeDue } from './search-index.js';
import type { IndexerReport, IndexerRequest } from './search-indexer.js';

const { path, nativeBinding } = workerData as { path: string; nativeBinding?: string };
useNativeBinding(nativeBinding);
// Its reads are the articles just written: a small cache does, as the CLI's does.
const db = openDatabase(path, { migrate: false, cacheMb: 8 });
const port = parentPort!;
const report = (message: IndexerReport): void => port.postMessage(message);
const yieldToMessages = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

let woken = false;
let stopping = false;
let working: Promise<void> | null = null;

async function work(): Promise<void> {
  try {
    while (woken && !stopping) {
      woken = false;
      let indexed = 0;
      for (let n = indexBacklogBatch(db); n > 0 && !stopping; n = indexBacklogBatch(db)) {
        indexed += n;
        report({ type: 'progress', indexed: n });
        await yieldToMessages();
      }
      // Merge only with nothing waiting: a wake during a merge goes back to indexing.
      if (indexed > 0) while (!woken && !stopping && mergeNewSegmentsStep(db)) await yieldToMessages();
      if (!woken && !stopping && searchIndexMergeDue(db))
        while (!woken && !stopping && mergeSearchIndexStep(db)) await yieldToMessages();
    }
    report({ type: 'idle' });
  } catch (error) {
    report({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
  }
}

port.on('message', (request: IndexerRequest) => {
  if (request === 'stop') {
    stopping = true;
    void (working ?? Promise.resolve()).then(() => {
      db.close();
      port.close();
    });
    return;
  }
  woken = true;
  // Cleared once the run has ended (not inside it: a run with nothing to do ends before
  // the assignment would).
  working ??= work().finally(() => (working = null));
});
