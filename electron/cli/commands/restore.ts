/**
 * `syndic restore <name>`: replaces all data with one of the backups `syndic backup --list`
 * shows. The state before it is backed up first, so a restore can itself be undone.
 */
import { defineCommand } from '../command.js';
import { EXIT } from '../exit-codes.js';
import { UsageError } from '../usage-error.js';
import { withService } from '../with-service.js';

export const restoreCommand = defineCommand({
  name: 'restore',
  usage: '<name>',
  summary: 'replace all data with a backup (the current state is backed up first)',
  maxArgs: 1,
  options: {},
  async run({ args, dataDir, io }) {
    const [name] = args;
    if (!name) throw new UsageError('needs the name of a backup (see `syndic backup --list`)');
    return withService(dataDir, io, async (service) => {
      await service.restoreBackup(name);
      io.out(`Restored ${name}; the state before it was backed up first.`);
      return EXIT.ok;
    });
  },
});
