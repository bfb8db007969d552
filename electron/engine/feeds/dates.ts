/**
 * Feed dates to epoch milliseconds. Feeds write RFC 822 (RSS), RFC 3339 (Atom, JSON
 * Feed) and many broken variants; anything unreadable becomes null so the caller can use
 * the time the article was first seen instead. Never throws.
 */

/** Zone abbreviations seen in real feeds that Date.parse does not know. */
const ZONES: Record<string, string> = {
  CET: '+0100',
  CEST: '+0200',
  MET: '+0100',
  MEST: '+0200',
  BST: '+0100',
  IST: '+0530',
  EET: '+0200',
  EEST: '+0300',
  WET: '+0000',
  WEST: '+0100',
  JST: '+0900',
  KST: '+0900',
  AEST: '+1000',
  AEDT: '+1100',
  NZST: '+1200',
  NZDT: '+1300',
  HKT: '+0800',
  SGT: '+0800',
  MSK: '+0300',
  AKST: '-0900',
  AKDT: '-0800',
  HST: '-1000',
  ADT: '-0300',
  AST: '-0400',
  NST: '-0330',
  Z: '+0000',
};

const MIN_DATE = Date.UTC(1970, 0, 2);
const MAX_DATE = Date.UTC(9999, 0, 1);

function sane(ms: number): number | null {
  return Number.isFinite(ms) && ms >= MIN_DATE && ms < MAX_DATE ? ms : null;
}

export function parseFeedDate(raw: string | null | undefined): number | null {
  if (raw == null) return null;
  let s = String(raw).trim();
  if (s === '') return null;

  // ISO 8601 / RFC 3339, including "2024-01-02 03:04:05" without a zone (read as UTC, so
  // the result does not depend on the machine's time zone).
  const iso =
    /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/i.exec(s);
  if (iso) {
    const [, y, mo, d, h = '0', mi = '0', sec = '0', frac = '0', zone] = iso;
    let ms = Date.UTC(+y!, +mo! - 1, +d!, +h, +mi, +sec, Math.round(+`0.${frac}` * 1000));
    if (zone && zone.toUpperCase() !== 'Z') {
      const sign = zone[0] === '-' ? -1 : 1;
      const digits = zone.slice(1).replace(':', '');
      ms -= sign * (+digits.slice(0, 2) * 60 + +digits.slice(2, 4)) * 60_000;
    }
    return sane(ms);
  }

  // RFC 822 and friends: drop the weekday (often wrong or localised), map zone names.
  s = s.replace(/^[A-Za-z]{2,9},?\s+/, '');
  s = s.replace(/\b([A-Z]{1,5})$/, (m) => ZONES[m] ?? m);
  const parsed = Date.parse(s);
  if (!Number.isNaN(parsed)) return sane(parsed);
  // "01 Jan 2024 10:00:00 +0100" with a two-digit year, or dots as separators.
  const alt = Date.parse(s.replace(/\./g, ':').replace(/(\d{1,2} \w{3} )(\d{2})( )/, '$120$2$3'));
  return Number.isNaN(alt) ? null : sane(alt);
}
