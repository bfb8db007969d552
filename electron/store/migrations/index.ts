/** Every migration, in order. Shipped migrations are never edited: add a new file. */
import type { Db } from '../db.js';
import { migration001 } from './001-initial.js';
import { migration002 } from './002-offline.js';

export interface Migration {
  version: number;
  description: string;
  up(db: Db): void;
}

export const MIGRATIONS: readonly Migration[] = [migration001, migration002];
