/** Playing times as the player shows them ("4:05", "1:02:03") and as a screen reader says them. */

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
  const parts: [number, string][] = [
    [Math.floor(total / 3600), 'hour'],
    [Math.floor((total % 3600) / 60), 'minute'],
    [total % 60, 'second'],
  ];
  const said = parts.filter(([n]) => n > 0).map(([n, unit]) => `${n} ${unit}${n === 1 ? '' : 's'}`);
  return said.length ? said.join(' ') : '0 seconds';
}

/** The slider's spoken value: "2 minutes 5 seconds of 45 minutes", or without the length when unknown. */
export function spokenPosition(position: number, duration: number | null): string {
  return duration != null && Number.isFinite(duration)
    ? `${spokenTime(position)} of ${spokenTime(duration)}`
    : spokenTime(position);
}
