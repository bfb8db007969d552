/** Every migration, in order. Shipped migrations are never edited: add a new file. */
import type { Db } from '../db.js';
import { migration001 } from './001-initial.js';
import { migration002 } from './002-offline.js';
import { migration003 } from './003-search-merge-policy.js';
import { migration004 } from './004-merge-after-refresh.js';
import { migration005 } from './005-feed-icons.js';

export interface Migration {
  version: number;
  description: string;
  up(db: Db): void;
}

export const MIGRATIONS: readonly Migration[] = [migration001, migration002, migration003, migration004, migration005];
