/**
 * `syndic serve`: browser mode, the whole reader at http://127.0.0.1:P for any browser.
 * Prints the address (with its access token) and runs until Ctrl+C.
 */
import { defineCommand } from '../command.js';
import { EXIT } from '../exit-codes.js';
import { UsageError } from '../usage-error.js';

export const serveCommand = defineCommand({
  name: 'serve',
  usage: '[--port P]',
  summary: 'browser mode: the reader at http://127.0.0.1:P (prints the address)',
  maxArgs: 0,
  options: {
    port: { type: 'string', value: 'P', help: 'listen on port P (default: any free port)' },
    'no-poll': { type: 'boolean', help: 'do not refresh feeds in the background (tests and benchmarks)' },
  },
  async run({ options, dataDir, io }) {
    const port = options.port === undefined ? 0 : Number(options.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
      throw new UsageError('--port takes a number from 0 to 65535');
    }
    // Loaded here: browser mode's server, its WebSocket and the API's schemas are
    // needed by this command only, and every other command starts faster without them.
    const { serveBrowserMode } = await import('../../app/browser-mode.js');
    await serveBrowserMode({ dataDir, port, poll: options['no-poll'] !== true, io });
    return EXIT.ok;
  },
});
