/**
 * `syndic cache`: fetches what is queued for offline reading (images, and full pages of
 * feeds that keep them), which a headless refresh queues but leaves to the app or to this.
 */
import { defineCommand } from '../command.js';
import { EXIT } from '../exit-codes.js';
import { megabytes } from '../megabytes.js';
import { withService } from '../with-service.js';

export const cacheCommand = defineCommand({
  name: 'cache',
  usage: '',
  summary: 'fetch the images (and full articles) queued for offline reading',
  maxArgs: 0,
  options: {},
  async run({ dataDir, io }) {
    return withService(
      dataDir,
      io,
      async (service) => {
        service.offline.kick();
        await service.offline.whenIdle();
        const status = service.offline.status();
        io.out(
          `Offline cache: ${status.imageFiles} images (${megabytes(status.imageBytes)} of ${megabytes(status.maxImageBytes)}), ${status.queued} articles still queued`,
        );
        // Articles left in the queue could not be cached (offline, or their servers failed).
        return status.queued ? EXIT.failed : EXIT.ok;
      },
      { progress: true },
    );
  },
});
