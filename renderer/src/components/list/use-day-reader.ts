/**
 * The day of each article for the list's headings, in the window's time zone and locale,
 * or null when the list is not grouped. It is made again when the day changes, so
 * "Today" becomes "Yesterday" at midnight without a reload.
 */
import { useEffect, useMemo, useState } from 'react';
import { createDayReader, type Day } from '../../state/list-days.js';

function todayString(): string {
  return new Date().toDateString();
}

export function useDayReader(grouped: boolean): ((ms: number) => Day) | null {
  const [today, setToday] = useState(todayString);
  useEffect(() => {
    if (!grouped) return;
    const timer = setInterval(() => setToday(todayString()), 60_000);
    return () => clearInterval(timer);
  }, [grouped]);
  // `today` is only a trigger: a new day makes a new reader from the clock.
  return useMemo(() => (grouped && today ? createDayReader({ now: Date.now() }) : null), [grouped, today]);
}
