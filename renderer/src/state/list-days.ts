/**
 * Day headings of the article list: which calendar day an article falls in, and what the
 * heading says ("Today", "Yesterday", else the weekday and date, with the year when it is
 * not this year). The clock, the time zone and the locale are passed in, so the rules are
 * tested on any day in any zone; the window passes its own.
 */
import { t } from '../i18n/translate.js';

export interface DayClock {
  /** Now, in epoch milliseconds. */
  now: number;
  /** An IANA time zone; the system's when absent. */
  timeZone?: string;
  /** A BCP 47 locale for the heading's words; the system's when absent. */
  locale?: string;
}

export interface Day {
  /** Days since 1 January 1970 in the clock's time zone: equal for the same calendar day. */
  key: number;
  label: string;
}

const DAY_MS = 86_400_000;
/** Time zones differ from UTC by whole quarter hours: one quarter hour falls in one day. */
const QUARTER_HOUR_MS = 900_000;

/** The calendar day a moment falls in, in a time zone, as days since the epoch. */
function dayNumberIn(parts: Intl.DateTimeFormat, ms: number): number {
  let year = 0;
  let month = 0;
  let day = 0;
  for (const part of parts.formatToParts(ms)) {
    if (part.type === 'year') year = Number(part.value);
    else if (part.type === 'month') month = Number(part.value);
    else if (part.type === 'day') day = Number(part.value);
  }
  return Math.round(Date.UTC(year, month - 1, day) / DAY_MS);
}

/**
 * A reader of days for one clock. It remembers the day of each quarter hour it has seen:
 * a list of thousands of articles spans few of them, and the list is grouped again after
 * every change of read state.
 */
export function createDayReader(clock: DayClock): (ms: number) => Day {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: clock.timeZone,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    // Gregorian digits whatever the system's locale, so the parts read as numbers.
    calendar: 'gregory',
    numberingSystem: 'latn',
  });
  const today = dayNumberIn(parts, clock.now);
  const thisYear = new Date(today * DAY_MS).getUTCFullYear();
  const withYear = new Intl.DateTimeFormat(clock.locale, {
    timeZone: clock.timeZone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  });
  const withoutYear = new Intl.DateTimeFormat(clock.locale, {
    timeZone: clock.timeZone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
  });
  const keys = new Map<number, number>();
  const labels = new Map<number, string>();
  return (ms) => {
    // A date after now (a feed's clock ahead of ours) is today: the list sorts it so.
    const at = Math.min(ms, clock.now);
    const quarter = Math.floor(at / QUARTER_HOUR_MS);
    let key = keys.get(quarter);
    if (key === undefined) keys.set(quarter, (key = dayNumberIn(parts, at)));
    let label = labels.get(key);
    if (label === undefined) {
      if (key >= today) label = t('list.day.today');
      else if (key === today - 1) label = t('list.day.yesterday');
      else if (new Date(key * DAY_MS).getUTCFullYear() === thisYear) label = withoutYear.format(at);
      else label = withYear.format(at);
      labels.set(key, label);
    }
    return { key, label };
  };
}
