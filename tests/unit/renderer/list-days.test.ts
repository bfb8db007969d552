/** Day headings (renderer/src/state/list-days.ts): which day an article is in, and what its heading says, for an injected clock and zone. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createDayReader } from '../../../renderer/src/state/list-days.js';

const HOUR = 3_600_000;

describe('day headings', () => {
  // Wednesday 20 March 2024, 10:00 in Paris (09:00 UTC).
  const now = Date.UTC(2024, 2, 20, 9);
  const paris = createDayReader({ now, timeZone: 'Europe/Paris', locale: 'en-GB' });

  it('says Today and Yesterday by the calendar of the zone, not by 24-hour spans', () => {
    assert.equal(paris(now - HOUR).label, 'Today');
    // 00:30 today in Paris is today; 23:30 the evening before is yesterday, one hour apart.
    assert.equal(paris(Date.UTC(2024, 2, 19, 23, 30)).label, 'Today');
    assert.equal(paris(Date.UTC(2024, 2, 19, 22, 30)).label, 'Yesterday');
    assert.equal(paris(Date.UTC(2024, 2, 19, 0, 0)).label, 'Yesterday');
  });

  it('names older days by weekday and date, with the year only when it is not this one', () => {
    // Punctuation is the locale data's (ICU versions differ on a comma); the parts are ours.
    assert.match(paris(Date.UTC(2024, 2, 17, 12)).label, /^Sunday,? 17 March$/);
    assert.match(paris(Date.UTC(2023, 11, 31, 12)).label, /^Sunday,? 31 December,? 2023$/);
    const us = createDayReader({ now, timeZone: 'America/New_York', locale: 'en-US' });
    assert.match(us(Date.UTC(2024, 2, 17, 12)).label, /^Sunday,? March 17$/);
    const german = createDayReader({ now, timeZone: 'Europe/Berlin', locale: 'de' });
    assert.match(german(Date.UTC(2024, 2, 17, 12)).label, /^Sonntag,? 17\. März$/);
  });

  it('gives one key to one calendar day and the next key to the next', () => {
    const morning = paris(Date.UTC(2024, 2, 18, 6));
    const evening = paris(Date.UTC(2024, 2, 18, 21));
    const nextDay = paris(Date.UTC(2024, 2, 18, 23, 15));
    assert.equal(morning.key, evening.key);
    assert.equal(nextDay.key, morning.key + 1);
  });

  it('follows the zone it is given: one moment, two days', () => {
    const moment = Date.UTC(2024, 2, 19, 23);
    const auckland = createDayReader({ now, timeZone: 'Pacific/Auckland', locale: 'en-GB' });
    const losAngeles = createDayReader({ now, timeZone: 'America/Los_Angeles', locale: 'en-GB' });
    // 12:00 on the 20th in Auckland (today there), 16:00 on the 19th in Los Angeles (yesterday there).
    assert.equal(auckland(moment).label, 'Today');
    assert.equal(losAngeles(moment).label, 'Yesterday');
  });

  it('is exact in a zone that is not a whole hour from UTC', () => {
    // Kathmandu is UTC+5:45: its midnight is 18:15 UTC.
    const kathmandu = createDayReader({ now, timeZone: 'Asia/Kathmandu', locale: 'en-GB' });
    const before = kathmandu(Date.UTC(2024, 2, 19, 18, 14));
    const after = kathmandu(Date.UTC(2024, 2, 19, 18, 15));
    assert.equal(before.label, 'Yesterday');
    assert.equal(after.label, 'Today');
    // Asked again (from its memory of quarter hours), the answers stay.
    assert.equal(kathmandu(Date.UTC(2024, 2, 19, 18, 0)).label, 'Yesterday');
    assert.equal(kathmandu(Date.UTC(2024, 2, 19, 18, 29)).label, 'Today');
  });

  it('puts an article dated after now under Today, where the list sorts it', () => {
    assert.equal(paris(now + 3 * 24 * HOUR).label, 'Today');
  });
});
