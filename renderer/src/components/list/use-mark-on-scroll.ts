/**
 * "Mark as read on scroll" for the virtualised list: on each scroll down, the unread
 * articles of the rows now wholly above the top join a batch that is sent once per half
 * second. Where the list stands after a fresh load (the jump to the top), a change of
 * layout or switching the option on is the baseline: nothing above it is marked.
 */
import type { Virtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type RefObject } from 'react';
import type { ArticleSummary } from '../../../../shared/domain.js';
import { markScrolledRead } from '../../state/actions/mark-many.js';
import type { ListRow } from '../../state/list-rows.js';
import { ReadBatch, ScrollPassTracker, unreadInRows } from '../../state/list-scroll-read.js';

const BATCH_MS = 500;

export interface MarkOnScroll {
  enabled: boolean;
  scroller: RefObject<HTMLDivElement | null>;
  virtualizer: Virtualizer<HTMLDivElement, Element>;
  rows: ListRow[];
  items: ArticleSummary[];
  /** Changes whenever the rows start over: a fresh load, another layout, grouping, column count. */
  restart: string;
}

/** Call after the effect that scrolls a fresh list to the top: the baseline is taken after it. */
export function useMarkOnScroll(options: MarkOnScroll): void {
  const latest = useRef(options);
  latest.current = options;
  const tracker = useRef(new ScrollPassTracker());
  const batch = useRef<ReadBatch | null>(null);
  batch.current ??= new ReadBatch((ids) => void markScrolledRead(ids), BATCH_MS);

  const { enabled, restart, scroller } = options;
  useEffect(() => {
    const element = scroller.current;
    if (element) tracker.current.reset(element.scrollTop, latest.current.virtualizer.measurementsCache);
    // What was passed under the old rows is sent now, not lost.
    batch.current!.flush();
  }, [enabled, restart, scroller]);

  useEffect(() => {
    const element = scroller.current;
    if (!element) return;
    const onScroll = (): void => {
      const { enabled: on, virtualizer, rows, items } = latest.current;
      const passed = tracker.current.scrolled(element.scrollTop, virtualizer.measurementsCache);
      if (on && passed) batch.current!.add(unreadInRows(rows, items, passed.from, passed.to));
    };
    element.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      element.removeEventListener('scroll', onScroll);
      batch.current!.flush();
    };
  }, [scroller]);
}
