/**
 * `syndic refresh`: fetches every feed once, as a cron job would, with progress on stderr
 * and a one-line summary. `--jsonl` prints a line per feed as each one is committed, so a
 * caller killed midway still knows exactly what was stored.
 */
import type { FeedRefreshResult } from '../../../shared/domain.js';
import { DiskFullError } from '../../engine/store/disk-full.js';
import { defineCommand } from '../command.js';
import { EXIT } from '../exit-codes.js';
import type { Io } from '../io.js';
import { withService } from '../with-service.js';

/** One feed's outcome as a JSON line; the keys are documented and kept stable for scripts. */
function printFeedLine(io: Io, r: FeedRefreshResult): void {
  io.out(
    JSON.stringify({
      feed: r.url,
      status: r.status,
      new: r.newArticles,
      updated: r.updatedArticles,
      error: r.error ? `${r.error.message}. ${r.error.hint}` : null,
      stored: r.stored,
    }),
  );
}

export const refreshCommand = defineCommand({
  name: 'refresh',
  usage: '[--jsonl]',
  summary: 'fetch every feed; --jsonl prints one line per feed',
  maxArgs: 0,
  options: {
    jsonl: {
      type: 'boolean',
      help: 'print a JSON line per feed once its articles are stored (the summary goes to stderr)',
    },
  },
  async run({ options, dataDir, io }) {
    const jsonl = options.jsonl === true;
    // Printed from onFeedDone, which runs only after that feed's transaction committed.
    const onFeedDone = jsonl ? (r: FeedRefreshResult): void => printFeedLine(io, r) : undefined;
    return withService(
      dataDir,
      io,
      async (service) => {
        const summary = await service.refresh(null);
        if (summary.offline) {
          io.err('syndic: this machine is offline, so nothing was fetched. Run the refresh again when it is online.');
          return EXIT.failed;
        }
        if (summary.diskFull) io.err(`syndic: ${new DiskFullError().message}`);
        const line = `feeds ok: ${summary.ok}, failed: ${summary.failed}, not modified: ${summary.notModified}, new articles: ${summary.newArticles}, updated: ${summary.updatedArticles} (${(summary.durationMs / 1000).toFixed(1)} s)`;
        // With --jsonl, stdout carries only JSON lines.
        (jsonl ? io.err : io.out)(line);
        return summary.failed || summary.diskFull ? EXIT.failed : EXIT.ok;
      },
      { progress: true, onFeedDone },
    );
  },
});
