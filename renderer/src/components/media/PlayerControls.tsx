/**
 * The loaded track's controls, the same in the article pane and the mini player: skip back
 * 15 s, play/pause, skip forward 30 s, the position slider, the time, the speed. All are
 * real controls with names, so they work from the keyboard and a screen reader.
 */
import type { KeyboardEvent, ReactNode } from 'react';
import { LoaderCircle, Pause, Play, RotateCcw, RotateCw } from 'lucide-react';
import { t } from '../../i18n/translate.js';
import { seekPlayer, setPlaybackRate, skipPlayer, togglePlay } from '../../state/actions/player.js';
import { RATES, SKIP_BACK, SKIP_FORWARD, usePlayer } from '../../state/player.js';
import { formatTime, spokenPosition } from './media-time.js';
import { sliderTarget, togglesPlay } from './player-keys.js';

/** k or Space anywhere in a player runs `toggle` (by default: the loaded track's play/pause). */
export function playerKeyDown(event: KeyboardEvent<HTMLElement>, toggle: () => void = togglePlay): void {
  const target = event.target as HTMLElement;
  const { key, ctrlKey, metaKey, altKey } = event;
  if (!togglesPlay({ key, ctrlKey, metaKey, altKey, tag: target.tagName, type: target.getAttribute('type') })) return;
  event.preventDefault();
  // Not also the app's k (previous article) or Space (page the article).
  event.stopPropagation();
  toggle();
}

export function PlayButton({ size }: { size?: 'large' }) {
  const playing = usePlayer((s) => s.playing);
  const buffering = usePlayer((s) => s.buffering);
  const Icon = buffering ? LoaderCircle : playing ? Pause : Play;
  return (
    <button
      type="button"
      className={`play-toggle${size ? ` ${size}` : ''}`}
      aria-label={t(playing ? 'media.pause' : 'media.play')}
      title={t(playing ? 'media.pause.title' : 'media.play.title')}
      onClick={togglePlay}
    >
      <Icon aria-hidden="true" className={`icon-svg${buffering ? ' spinning' : ''}`} />
    </button>
  );
}

export function SkipButtons({ children }: { children?: ReactNode }) {
  return (
    <>
      <button
        type="button"
        className="skip"
        aria-label={t('media.skipBack', { seconds: SKIP_BACK })}
        title={t('media.skipBack.title', { seconds: SKIP_BACK })}
        onClick={() => skipPlayer(-SKIP_BACK)}
      >
        <RotateCcw aria-hidden="true" className="icon-svg" />
        <span aria-hidden="true">{SKIP_BACK}</span>
      </button>
      {children}
      <button
        type="button"
        className="skip"
        aria-label={t('media.skipForward', { seconds: SKIP_FORWARD })}
        title={t('media.skipForward.title', { seconds: SKIP_FORWARD })}
        onClick={() => skipPlayer(SKIP_FORWARD)}
      >
        <RotateCw aria-hidden="true" className="icon-svg" />
        <span aria-hidden="true">{SKIP_FORWARD}</span>
      </button>
    </>
  );
}

export function PositionSlider() {
  const position = usePlayer((s) => s.position);
  const duration = usePlayer((s) => s.duration);
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const to = sliderTarget(event.key, position, duration);
    if (to == null) return;
    // The steps are ours (seconds), not the input's own (a fraction of the range).
    event.preventDefault();
    event.stopPropagation();
    seekPlayer(to);
  };
  return (
    <input
      type="range"
      className="position"
      aria-label={t('media.position')}
      aria-valuetext={spokenPosition(position, duration)}
      min={0}
      // An unknown length: the slider still shows the start, and seeks once the media says.
      max={duration ?? Math.max(position, 1)}
      step="any"
      value={position}
      disabled={duration == null}
      onChange={(e) => seekPlayer(Number(e.currentTarget.value))}
      onKeyDown={onKeyDown}
    />
  );
}

export function PlayerTime() {
  const position = usePlayer((s) => s.position);
  const duration = usePlayer((s) => s.duration);
  return (
    <span className="player-time">
      <span className="elapsed">{formatTime(position)}</span>
      {' / '}
      <span className="duration">{formatTime(duration)}</span>
    </span>
  );
}

export function SpeedSelect() {
  const rate = usePlayer((s) => s.rate);
  return (
    <select
      className="speed"
      aria-label={t('media.speed')}
      title={t('media.speed')}
      value={String(rate)}
      onChange={(e) => setPlaybackRate(Number(e.currentTarget.value))}
    >
      {RATES.map((r) => (
        <option key={r} value={String(r)}>
          {t('media.rate', { rate: r })}
        </option>
      ))}
    </select>
  );
}

/** The full row, as the article pane shows it. */
export function PlayerControls() {
  const error = usePlayer((s) => s.error);
  return (
    <div className="player-controls">
      <div className="player-buttons">
        <SkipButtons>
          <PlayButton size="large" />
        </SkipButtons>
      </div>
      <div className="player-timeline">
        <PositionSlider />
        <PlayerTime />
        <SpeedSelect />
      </div>
      {error && (
        <p className="player-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
