/** `syndic export-opml`: writes the subscriptions, with their tags as folders, as OPML. */
import { writeFileSync } from 'node:fs';
import { defineCommand } from '../command.js';
import { EXIT } from '../exit-codes.js';
import { withService } from '../with-service.js';

export const exportOpmlCommand = defineCommand({
  name: 'export-opml',
  usage: '[--out FILE]',
  summary: 'write subscriptions and tags as OPML',
  maxArgs: 0,
  options: {
    out: { type: 'string', value: 'FILE', help: 'write to FILE instead of printing' },
  },
  async run({ options, dataDir, io }) {
    return withService(dataDir, io, async (service) => {
      const opml = await service.exportOpml();
      if (options.out) writeFileSync(options.out, opml);
      else io.out(opml.trimEnd());
      return EXIT.ok;
    });
  },
});
