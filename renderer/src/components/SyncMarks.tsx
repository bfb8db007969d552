/**
 * The small marks of sync: a spinner while an account syncs, a warning mark whose error
 * shows on hover and on keyboard focus (never a dialog), and the "sync now" arrows. Inline
 * SVG, so they follow the text colour and need no font.
 */
import { useEffect, useState } from 'react';
import { t } from '../i18n/translate.js';
import type { AccountStatus } from '../state/sync-status.js';

/** The time now, moved on every `everyMs`, for "3 min ago" lines that must age while shown. */
export function useNow(everyMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}

export function SyncArrows() {
  return (
    <svg className="svg-icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
      <path
        d="M13.5 8a5.5 5.5 0 0 1-9.9 3.3M2.5 8a5.5 5.5 0 0 1 9.9-3.3"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.6"
        strokeLinecap="round"
      />
      <path d="M12.9 1.8v3.1H9.8M3.1 14.2v-3.1h3.1" fill="none" stroke="currentColor" strokeWidth="1.6" />
    </svg>
  );
}

function Spinner({ label }: { label: string }) {
  return (
    <svg className="svg-icon spinner" viewBox="0 0 16 16" width="14" height="14" role="img" aria-label={label}>
      <circle cx="8" cy="8" r="6" fill="none" stroke="currentColor" strokeOpacity="0.25" strokeWidth="2" />
      <path d="M8 2a6 6 0 0 1 6 6" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
    </svg>
  );
}

/** What an account's header shows of its state: a spinner, a warning mark, or nothing when all is well. */
export function SyncStateMark({ status, name }: { status: AccountStatus; name: string }) {
  if (status.health === 'syncing') return <Spinner label={t('sync.mark.syncing', { name, status: status.text })} />;
  if (status.health !== 'failed') return null;
  return (
    <span
      className="sync-warning"
      tabIndex={0}
      role="img"
      aria-label={t('sync.mark.failed', { name, status: status.text })}
    >
      <svg className="svg-icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
        <path d="M8 1.5 15 14H1z" fill="currentColor" />
        <path d="M8 6v4M8 11.6v.9" stroke="var(--bg, #fff)" strokeWidth="1.6" strokeLinecap="round" />
      </svg>
      <span className="sync-tip" aria-hidden="true">
        {status.text}
      </span>
    </span>
  );
}
