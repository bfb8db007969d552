/**
 * `syndic import-opml <file>`: subscribes to every feed of an OPML file, with its folders as
 * tags. A refused line is reported as file:line and does not stop the others.
 */
import { readFileSync } from 'node:fs';
import { defineCommand } from '../command.js';
import { EXIT } from '../exit-codes.js';
import { UsageError } from '../usage-error.js';
import { withService } from '../with-service.js';

export const importOpmlCommand = defineCommand({
  name: 'import-opml',
  usage: '<file>',
  summary: 'subscribe to every feed of an OPML file',
  maxArgs: 1,
  options: {},
  async run({ args, dataDir, io }) {
    const [file] = args;
    if (!file) throw new UsageError('needs a file');
    // Read before the database is opened: a missing file leaves no empty data dir behind.
    const text = readFileSync(file, 'utf8');
    return withService(dataDir, io, async (service) => {
      const report = await service.importOpml(text);
      for (const p of report.problems) io.err(`${file}:${p.line}: ${p.message}`);
      io.out(
        `Imported ${report.added} feeds (${report.skipped} already subscribed), ${report.tagsCreated} new tags, ${report.problems.length} problems`,
      );
      return report.problems.length ? EXIT.failed : EXIT.ok;
    });
  },
});
