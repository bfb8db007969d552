/**
 * The table of `syndic`'s commands: the CLI looks a command up here, and `syndic --help`
 * lists them in this order. A new command is a file in this folder and a line here.
 */
import type { Command } from '../command.js';
import { accountCommand } from './account.js';
import { addCommand } from './add.js';
import { articlesCommand } from './articles.js';
import { backupCommand } from './backup.js';
import { cacheCommand } from './cache.js';
import { exportOpmlCommand } from './export-opml.js';
import { exportStarredCommand } from './export-starred.js';
import { importOpmlCommand } from './import-opml.js';
import { listCommand } from './list.js';
import { maintainCommand } from './maintain.js';
import { markCommand } from './mark.js';
import { parseCommand } from './parse.js';
import { recoverCommand } from './recover.js';
import { refreshCommand } from './refresh.js';
import { restoreCommand } from './restore.js';
import { rulesCommand } from './rules.js';
import { serveCommand } from './serve.js';
import { statsCommand } from './stats.js';
import { syncCommand } from './sync.js';

export const COMMANDS: readonly Command[] = [
  parseCommand,
  addCommand,
  importOpmlCommand,
  exportOpmlCommand,
  refreshCommand,
  listCommand,
  articlesCommand,
  markCommand,
  rulesCommand,
  statsCommand,
  accountCommand,
  syncCommand,
  serveCommand,
  cacheCommand,
  backupCommand,
  restoreCommand,
  exportStarredCommand,
  maintainCommand,
  recoverCommand,
];
