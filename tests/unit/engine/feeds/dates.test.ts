import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseFeedDate } from '../../../../electron/engine/feeds/dates.js';

describe('parseFeedDate', () => {
  const utc = Date.UTC(2024, 0, 2, 3, 4, 5);
  const cases: [string, number | null][] = [
    ['Tue, 02 Jan 2024 03:04:05 GMT', utc],
    ['Tue, 02 Jan 2024 03:04:05 +0000', utc],
    ['Tue, 02 Jan 2024 04:04:05 CET', utc],
    ['Wed, 02 Jan 2024 03:04:05 GMT', utc],
    ['02 Jan 2024 03:04:05 Z', utc],
    ['2024-01-02T03:04:05Z', utc],
    ['2024-01-02T05:04:05+02:00', utc],
    ['2024-01-02T03:04:05.000Z', utc],
    ['2024-01-02 03:04:05', utc],
    ['2024-01-02', Date.UTC(2024, 0, 2)],
    ['Tue, 02 Jan 2024 03:04:05 EST', utc + 5 * 3600_000],
    ['not a date', null],
    ['', null],
    ['0000-00-00 00:00:00', null],
  ];
  for (const [input, expected] of cases) {
    it(`reads ${JSON.stringify(input)}`, () => assert.equal(parseFeedDate(input), expected));
  }
});
