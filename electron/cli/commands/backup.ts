/** `syndic backup`: writes a backup of the database now, or with --list shows the backups kept. */
import { join } from 'node:path';
import { backupsDir } from '../../engine/store/backup.js';
import { defineCommand } from '../command.js';
import { EXIT } from '../exit-codes.js';
import { megabytes } from '../megabytes.js';
import { withService } from '../with-service.js';

export const backupCommand = defineCommand({
  name: 'backup',
  usage: '',
  summary: 'write a backup of the database now; --list shows the backups',
  maxArgs: 0,
  options: {
    list: { type: 'boolean', help: 'list the backups (name, time, size) instead of writing one' },
  },
  async run({ options, dataDir, io }) {
    return withService(dataDir, io, async (service) => {
      if (options.list) {
        for (const b of (await service.getStorageInfo()).backups)
          io.out(`${b.name}\t${new Date(b.createdAt).toISOString()}\t${megabytes(b.bytes)}`);
        return EXIT.ok;
      }
      const backup = await service.createBackup();
      io.out(`Backed up to ${join(backupsDir(dataDir), backup.name)} (${megabytes(backup.bytes)})`);
      return EXIT.ok;
    });
  },
});
