/** Playing times as the player shows them ("4:05", "1:02:03") and as a screen reader says them. */
import { t } from '../../i18n/translate.js';

/** Whole seconds of a time that may be unknown; negative and fractional parts dropped. */
function wholeSeconds(seconds: number): number {
  return Math.max(0, Math.floor(seconds));
}

/** "4:05", "1:02:03"; an unknown length (null, NaN, a live stream's Infinity) is "--:--". */
export function formatTime(seconds: number | null | undefined): string {
  if (seconds == null || !Number.isFinite(seconds)) return '--:--';
  const total = wholeSeconds(seconds);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/** "1 hour 2 minutes 3 seconds", for a slider's aria-valuetext ("0 seconds" at the start). */
export function spokenTime(seconds: number): string {
  const total = Number.isFinite(seconds) ? wholeSeconds(seconds) : 0;
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const secs = total % 60;
  const said = [
    hours > 0 ? t('media.time.hours', { count: hours }) : '',
    minutes > 0 ? t('media.time.minutes', { count: minutes }) : '',
    secs > 0 ? t('media.time.seconds', { count: secs }) : '',
  ].filter(Boolean);
  return said.length ? said.join(' ') : t('media.time.seconds', { count: 0 });
}

/** The slider's spoken value: "2 minutes 5 seconds of 45 minutes", or without the length when unknown. */
export function spokenPosition(position: number, duration: number | null): string {
  return duration != null && Number.isFinite(duration)
    ? t('media.time.of', { position: spokenTime(position), duration: spokenTime(duration) })
    : spokenTime(position);
}
