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
  readonly emit: Emit;
  /** Whether anyone hears counts: the app's windows do; a CLI command shows none. */
  private readonly countsHeard: boolean;

  constructor(
    readonly db: Db,
    readonly now: () => number,
    emit?: Emit,
    options: { countsHeard?: boolean } = {},
  ) {
    this.emit = emit ?? (() => undefined);
    this.countsHeard = emit !== undefined && (options.countsHeard ?? true);
  }

  counts(): Counts {
    return getCounts(this.db, this.now(), getSettings(this.db).dedupe);
  }

  /**
   * Sends fresh counts to whoever listens. Counting is not free (a dozen queries, 0.1 s
   * of a CLI refresh's CPU, spent for nobody before), so with no listener nothing is counted.
   */
  sendCounts(): void {
    if (this.countsHeard && this.db.open) this.emit('counts-changed', this.counts());
  }

  /** Tells the windows that counts changed, and which feeds did (none: only counts). */
  countsChanged(feedIds: FeedId[]): void {
    this.sendCounts();
    if (feedIds.length) this.emit('feeds-changed', { feedIds });
  }
}
