/**
 * What every group of use cases shares: the database, the clock, where events go, and the
 * two notifications nearly every change ends with (counts, and which feeds changed).
 */
import type { ReaderEventName, ReaderEvents } from '../../../shared/api.js';
import type { Counts, FeedId } from '../../../shared/domain.js';
import { getCounts } from '../store/counts.js';
import type { Db } from '../store/db.js';
import { getSettings } from '../store/settings.js';

export type Emit = <E extends ReaderEventName>(event: E, payload: ReaderEvents[E]) => void;

export class ReaderContext {
  constructor(
    readonly db: Db,
    readonly now: () => number,
    readonly emit: Emit,
  ) {}

  counts(): Counts {
    return getCounts(this.db, this.now(), getSettings(this.db).dedupe);
  }

  /** Tells the windows that counts changed, and which feeds did (none: only counts). */
  countsChanged(feedIds: FeedId[]): void {
    this.emit('counts-changed', this.counts());
    if (feedIds.length) this.emit('feeds-changed', { feedIds });
  }
}
