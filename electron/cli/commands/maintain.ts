/**
 * `syndic maintain`: the app's periodic care, now: removes read articles past the retention
 * settings and tidies the database. For a cron job when the app is rarely open.
 */
import { defineCommand } from '../command.js';
import { EXIT } from '../exit-codes.js';
import { withService } from '../with-service.js';

export const maintainCommand = defineCommand({
  name: 'maintain',
  usage: '',
  summary: 'apply the retention settings and tidy the database now',
  maxArgs: 0,
  options: {},
  async run({ dataDir, io }) {
    return withService(dataDir, io, async (service) => {
      const { removed } = await service.runMaintenance();
      io.out(`Retention removed ${removed} read articles; database optimised.`);
      return EXIT.ok;
    });
  },
});
