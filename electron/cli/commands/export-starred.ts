/**
 * `syndic export-starred`: every starred article, as a self-contained HTML page to read
 * anywhere or as JSON for other tools.
 */
import { writeFileSync } from 'node:fs';
import { defineCommand } from '../command.js';
import { EXIT } from '../exit-codes.js';
import { UsageError } from '../usage-error.js';
import { withService } from '../with-service.js';

export const exportStarredCommand = defineCommand({
  name: 'export-starred',
  usage: '[--format html|json] [--out FILE]',
  summary: 'write every starred article',
  maxArgs: 0,
  options: {
    format: { type: 'string', value: 'html|json', help: 'a page to read (html, the default) or data (json)' },
    out: { type: 'string', value: 'FILE', help: 'write to FILE instead of printing' },
  },
  async run({ options, dataDir, io }) {
    const format = options.format ?? 'html';
    if (format !== 'html' && format !== 'json') throw new UsageError('--format is html or json');
    return withService(dataDir, io, async (service) => {
      const text = await service.exportStarred(format);
      if (options.out) writeFileSync(options.out, text);
      else io.out(text.trimEnd());
      return EXIT.ok;
    });
  },
});
