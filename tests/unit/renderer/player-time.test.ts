/** How the player shows and says times (media-time.ts), and its keys (player-keys.ts). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatTime, spokenPosition, spokenTime } from '../../../renderer/src/components/media/media-time.js';
import { sliderTarget, togglesPlay } from '../../../renderer/src/components/media/player-keys.js';

describe('playing times', () => {
  it('shows minutes and seconds, and hours when there are any', () => {
    assert.equal(formatTime(0), '0:00');
    assert.equal(formatTime(5.9), '0:05');
    assert.equal(formatTime(65), '1:05');
    assert.equal(formatTime(3599), '59:59');
    assert.equal(formatTime(3723), '1:02:03');
    assert.equal(formatTime(36000), '10:00:00');
    assert.equal(formatTime(-3), '0:00');
  });

  it('shows an unknown length as dashes', () => {
    for (const unknown of [null, undefined, Number.NaN, Number.POSITIVE_INFINITY])
      assert.equal(formatTime(unknown), '--:--');
  });

  it('says a time in words for the position slider', () => {
    assert.equal(spokenTime(0), '0 seconds');
    assert.equal(spokenTime(61), '1 minute 1 second');
    assert.equal(spokenTime(7322), '2 hours 2 minutes 2 seconds');
    assert.equal(spokenPosition(30, 90), '30 seconds of 1 minute 30 seconds');
    assert.equal(spokenPosition(30, null), '30 seconds');
  });
});

describe('the player’s keys', () => {
  const key = (k: string, tag = 'DIV', type: string | null = null) => togglesPlay({ key: k, tag, type });

  it('plays and pauses with k anywhere in the player, and with Space off buttons and lists', () => {
    assert.equal(key('k', 'BUTTON'), true);
    assert.equal(key('K', 'SELECT'), true);
    assert.equal(key(' ', 'SECTION'), true);
    assert.equal(key(' ', 'INPUT', 'range'), true, 'on the position slider');
    assert.equal(key(' ', 'BUTTON'), false, 'Space presses the focused button');
    assert.equal(key(' ', 'SELECT'), false);
    assert.equal(key('k', 'INPUT', 'text'), false, 'typing');
    assert.equal(togglesPlay({ key: 'k', ctrlKey: true, tag: 'DIV' }), false);
    assert.equal(key('j'), false);
  });

  it('moves the slider by 5 s with the arrows, 30 s by page, to either end with Home and End', () => {
    assert.equal(sliderTarget('ArrowRight', 10, 90), 15);
    assert.equal(sliderTarget('ArrowUp', 88, 90), 90);
    assert.equal(sliderTarget('ArrowLeft', 3, 90), 0);
    assert.equal(sliderTarget('PageUp', 10, 90), 40);
    assert.equal(sliderTarget('PageDown', 10, 90), 0);
    assert.equal(sliderTarget('Home', 50, 90), 0);
    assert.equal(sliderTarget('End', 50, 90), 90);
    assert.equal(sliderTarget('ArrowRight', 10, null), 15, 'an unknown length has no end to stop at');
    assert.equal(sliderTarget('Enter', 10, 90), null);
  });
});
