/** Refresh progress, and damaged, offline or disconnected states, said once at the top. */
import { confirmRestoreBackup } from '../state/actions/storage.js';
import { useStore } from '../state/store.js';

export function StatusBanners() {
  const refresh = useStore((s) => s.ui.refresh);
  const offline = useStore((s) => s.ui.offline);
  const connected = useStore((s) => s.ui.connected);
  const damaged = useStore((s) => s.ui.damaged);
  return (
    <>
      {damaged && (
        <div className="banner error" role="alert">
          Syndic’s database is damaged ({damaged.problem}). Nothing has been changed, and no backup was replaced.{' '}
          {damaged.latestBackup ? (
            <button
              type="button"
              className="link"
              onClick={() => confirmRestoreBackup(damaged.latestBackup!, 'the date of the latest backup')}
            >
              Restore the latest backup…
            </button>
          ) : (
            'Quit Syndic: at the next start it offers to start fresh, keeping the damaged file aside.'
          )}
        </div>
      )}
      {refresh && refresh.total > 0 && (
        <div
          className="progress"
          role="progressbar"
          aria-label="Refreshing feeds"
          aria-valuemin={0}
          aria-valuemax={refresh.total}
          aria-valuenow={refresh.done}
        >
          <div className="progress-fill" style={{ width: `${(100 * refresh.done) / refresh.total}%` }} />
          <span className="progress-text">
            Refreshing {refresh.done} of {refresh.total} feeds…
          </span>
        </div>
      )}
      {!connected && (
        <div className="banner error" role="alert">
          Lost the connection to Syndic. Reconnecting… (is <code>syndic serve</code> still running?)
        </div>
      )}
      {connected && offline && (
        <div className="banner" role="status">
          You seem to be offline: no feed could be reached. Reading, starring and search still work; Syndic refreshes
          when the network is back.
        </div>
      )}
    </>
  );
}
