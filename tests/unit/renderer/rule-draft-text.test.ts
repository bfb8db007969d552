/** A rule in one line (renderer/src/state/rule-draft-text.ts), as the Rules dialog lists it. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ruleSummary } from '../../../renderer/src/state/rule-draft-text.js';

test('a rule reads as its conditions, joined by and or or, then its actions', () => {
  assert.equal(
    ruleSummary({
      match: 'all',
      conditions: [
        { field: 'title', op: 'contains', value: 'Sponsored' },
        { field: 'feed', op: 'is', value: 'Tech Daily' },
      ],
      actions: [{ type: 'mute' }, { type: 'stop' }],
    }),
    'Title contains “Sponsored” and Feed is “Tech Daily” → Mute, Stop',
  );
  assert.equal(
    ruleSummary({
      match: 'any',
      conditions: [
        { field: 'domain', op: 'is', value: 'example.com' },
        { field: 'enclosure', op: 'not-contains', value: 'audio' },
      ],
      actions: [{ type: 'tag', tag: 'later' }],
    }),
    'Domain is “example.com” or Attachment type does not contain “audio” → Add tag later',
  );
});
