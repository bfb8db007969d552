/**
 * `syndic recover`: the way out of a damaged database, which every other command refuses.
 * It works on the files, not through the reader (which cannot open a damaged database),
 * and whichever way is chosen, the damaged file is kept aside, never deleted.
 */
import { existsSync } from 'node:fs';
import { databasePath } from '../../engine/data-dir.js';
import { checkAtStart } from '../../engine/store/integrity.js';
import { restoreLatestBackup, startFresh } from '../../engine/store/recovery.js';
import { defineCommand } from '../command.js';
import { EXIT } from '../exit-codes.js';
import { UsageError } from '../usage-error.js';

export const recoverCommand = defineCommand({
  name: 'recover',
  usage: '--restore-latest | --start-fresh',
  summary: 'for a damaged database: either way the damaged file is kept aside',
  maxArgs: 0,
  options: {
    'restore-latest': { type: 'boolean', help: 'put the latest whole backup in its place' },
    'start-fresh': { type: 'boolean', help: 'start again with an empty database' },
  },
  async run({ options, dataDir, io }) {
    if (options['restore-latest'] === options['start-fresh']) {
      throw new UsageError('takes one of --restore-latest or --start-fresh');
    }
    const database = databasePath(dataDir);
    const exists = existsSync(database);
    // A whole database is left alone: recovering it would throw away good data.
    if (exists && checkAtStart(database) === null) {
      io.out(`The database in ${dataDir} is whole: nothing to recover.`);
      return EXIT.ok;
    }
    if (options['restore-latest']) {
      // Also for a database file that went missing: the latest backup takes its place.
      const { asidePath, restored } = restoreLatestBackup(dataDir, Date.now());
      io.out(`Restored ${restored}.${exists ? ` The damaged database is kept as ${asidePath}.` : ''}`);
    } else if (!exists) {
      io.out(`There is no database in ${dataDir}: a fresh one is made at the next start.`);
    } else {
      const { asidePath } = startFresh(dataDir, Date.now());
      io.out(`Starting fresh. The damaged database is kept as ${asidePath}.`);
    }
    return EXIT.ok;
  },
});
