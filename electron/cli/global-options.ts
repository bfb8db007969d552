/**
 * The options every command takes: where the data lives, and help. A function rather than
 * a constant because the help names the default folder, read from the environment.
 */
import { defaultDataDir } from '../engine/data-dir.js';
import type { OptionSpecs } from './command.js';

export function globalOptions() {
  return {
    'data-dir': {
      type: 'string',
      value: 'DIR',
      help: `where the database lives (default: ${defaultDataDir()})`,
    },
    help: { type: 'boolean', short: 'h', help: 'this text' },
  } as const satisfies OptionSpecs;
}
