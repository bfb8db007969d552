/** Every migration, in order. Shipped migrations are never edited: add a new file. */
import type { Db } from '../db.js';
import { migration001 } from './001-initial.js';
import { migration002 } from './002-offline.js';
import { migration003 } from './003-search-merge-policy.js';
import { migration004 } from './004-merge-after-refresh.js';
import { migration005 } from './005-feed-icons.js';
import { migration006 } from './006-accounts-and-sync.js';
import { migration007 } from './007-plain-titles.js';
import { migration008 } from './008-feed-open-mode.js';
import { migration009 } from './009-feed-network.js';
import { migration010 } from './010-views-rules-notify.js';
import { migration011 } from './011-search-index-file.js';
import { migration012 } from './012-arrival-order.js';

export interface Migration {
  version: number;
  description: string;
  up(db: Db): void;
  /**
   * Rebuilds a table that others reference: run with foreign keys off (SQLite cannot
   * switch them inside a transaction, and DROP TABLE would cascade), then checked whole
   * before commit. SQLite's documented procedure for schema changes ALTER cannot make.
   */
  foreignKeysOff?: boolean;
}

export const MIGRATIONS: readonly Migration[] = [
  migration001,
  migration002,
  migration003,
  migration004,
  migration005,
  migration006,
  migration007,
  migration008,
  migration009,
  migration010,
  migration011,
  migration012,
];
