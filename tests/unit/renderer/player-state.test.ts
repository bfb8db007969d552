/** The player's state (renderer/src/state/player.ts): what each event does to it, with no DOM. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  createPlayerStore,
  initialPlayer,
  playerReducer,
  type PlayerEvent,
  type PlayerState,
  type Track,
} from '../../../renderer/src/state/player.js';

const episode: Track = {
  articleId: 7,
  title: 'Episode 2',
  url: 'https://pod.example/ep2.opus',
  kind: 'audio',
  artwork: null,
  duration: 90,
};

const run = (events: PlayerEvent[], from: PlayerState = initialPlayer): PlayerState =>
  events.reduce(playerReducer, from);

describe('the player state', () => {
  it('loads nothing and plays nothing until a track is loaded', () => {
    assert.equal(initialPlayer.track, null);
    for (const kind of ['play', 'toggle'] as const) assert.equal(run([{ kind }]).playing, false);
    assert.equal(run([{ kind: 'seek', to: 30 }]), initialPlayer, 'a seek without a track changes nothing');
  });

  it('loads a track playing, at the remembered place, with the feed’s length until the media says', () => {
    const s = run([{ kind: 'load', track: episode, at: 42 }]);
    assert.equal(s.track, episode);
    assert.equal(s.playing, true);
    assert.equal(s.position, 42);
    assert.equal(s.duration, 90);
    assert.deepEqual(s.seek, { to: 42 });
    assert.equal(s.saved, 42);
    assert.equal(run([{ kind: 'load', track: episode, at: 0 }]).seek, null, 'from the start: no seek');
    assert.equal(run([{ kind: 'load', track: episode, at: 500 }]).position, 90, 'never past the end');
  });

  it('ignores the element’s stale time until a pending seek is made', () => {
    let s = run([
      { kind: 'load', track: episode, at: 42 },
      { kind: 'time', position: 0 },
    ]);
    assert.equal(s.position, 42, 'the old time is not shown (nor saved)');
    s = run(
      [
        { kind: 'seeked', position: 42.1 },
        { kind: 'time', position: 43 },
      ],
      s,
    );
    assert.equal(s.seek, null);
    assert.equal(s.position, 43);
  });

  it('toggles, pauses and follows what the element reports', () => {
    let s = run([{ kind: 'load', track: episode, at: 0 }, { kind: 'toggle' }]);
    assert.equal(s.playing, false);
    s = run([{ kind: 'toggle' }, { kind: 'buffering' }], s);
    assert.equal(s.playing, true);
    assert.equal(s.buffering, true);
    s = run([{ kind: 'playing' }], s);
    assert.equal(s.buffering, false);
    s = run([{ kind: 'paused' }], s);
    assert.equal(s.playing, false);
    assert.equal(run([{ kind: 'buffering' }], s).buffering, false, 'a paused player is not waiting for data');
  });

  it('skips back 15 and forward 30 within the track, and seeks inside it', () => {
    const s = run([
      { kind: 'load', track: episode, at: 10 },
      { kind: 'seeked', position: 10 },
    ]);
    assert.equal(run([{ kind: 'skip', by: -15 }], s).position, 0);
    assert.equal(run([{ kind: 'skip', by: 30 }], s).position, 40);
    assert.equal(
      run(
        [
          { kind: 'skip', by: 30 },
          { kind: 'skip', by: 30 },
          { kind: 'skip', by: 30 },
        ],
        s,
      ).position,
      90,
    );
    const seeks = [run([{ kind: 'seek', to: 20 }], s).seek, run([{ kind: 'seek', to: 20 }], s).seek];
    assert.notEqual(seeks[0], seeks[1], 'two seeks to one place are two requests');
    assert.equal(run([{ kind: 'seek', to: Number.NaN }], s).position, 0);
  });

  it('takes the media’s own length, but not a stream’s Infinity', () => {
    const s = run([{ kind: 'load', track: { ...episode, duration: null }, at: 0 }]);
    assert.equal(s.duration, null);
    assert.equal(run([{ kind: 'duration', duration: Number.POSITIVE_INFINITY }], s).duration, null);
    assert.equal(run([{ kind: 'duration', duration: Number.NaN }], s).duration, null);
    assert.equal(run([{ kind: 'duration', duration: 91.5 }], s).duration, 91.5);
  });

  it('keeps the speed between 0.8× and 2×', () => {
    assert.equal(run([{ kind: 'rate', rate: 1.5 }]).rate, 1.5);
    assert.equal(run([{ kind: 'rate', rate: 0.25 }]).rate, 0.8);
    assert.equal(run([{ kind: 'rate', rate: 4 }]).rate, 2);
    assert.equal(run([{ kind: 'rate', rate: Number.NaN }]).rate, 1);
  });

  it('ends at the end, and shows a failure until the user tries again', () => {
    const s = run([{ kind: 'load', track: episode, at: 80 }, { kind: 'ended' }]);
    assert.equal(s.playing, false);
    assert.equal(s.position, 90);
    const failed = run([
      { kind: 'load', track: episode, at: 0 },
      { kind: 'error', message: 'network' },
    ]);
    assert.equal(failed.playing, false);
    assert.equal(failed.error, 'network');
    assert.equal(run([{ kind: 'toggle' }], failed).error, null);
  });

  it('closes to nothing loaded, keeping the speed and the article pane’s video slot', () => {
    const s = run([
      { kind: 'rate', rate: 1.5 },
      { kind: 'slot', articleId: 3 },
      { kind: 'load', track: episode, at: 12 },
      { kind: 'close' },
    ]);
    assert.deepEqual(s, { ...initialPlayer, rate: 1.5, slot: 3 });
  });

  it('tells subscribers only when the state changed', () => {
    const store = createPlayerStore();
    let calls = 0;
    const unsubscribe = store.subscribe(() => calls++);
    store.dispatch({ kind: 'play' }); // nothing loaded: no change
    store.dispatch({ kind: 'load', track: episode, at: 0 });
    store.dispatch({ kind: 'time', position: 1 });
    unsubscribe();
    store.dispatch({ kind: 'time', position: 2 });
    assert.equal(calls, 2);
    assert.equal(store.get().position, 2);
  });
});
