/** Refresh progress, and damaged, offline or disconnected states, said once at the top. */
import { t, tParts } from '../i18n/translate.js';
import { confirmRestoreBackup } from '../state/actions/storage.js';
import { useStore } from '../state/store.js';

/** The command that serves browser mode: a name, not words to translate. */
const SERVE_COMMAND = 'syndic serve';

export function StatusBanners() {
  const refresh = useStore((s) => s.ui.refresh);
  const offline = useStore((s) => s.ui.offline);
  const connected = useStore((s) => s.ui.connected);
  const damaged = useStore((s) => s.ui.damaged);
  return (
    <>
      {damaged && (
        <div className="banner error" role="alert">
          {t('app.damaged', { problem: damaged.problem })}{' '}
          {damaged.latestBackup ? (
            <button
              type="button"
              className="link"
              onClick={() => confirmRestoreBackup(damaged.latestBackup!, t('app.damaged.latestBackupDate'))}
            >
              {t('app.damaged.restore')}
            </button>
          ) : (
            t('app.damaged.quit')
          )}
        </div>
      )}
      {refresh && refresh.total > 0 && (
        <div
          className="progress"
          role="progressbar"
          aria-label={t('app.refreshing')}
          aria-valuemin={0}
          aria-valuemax={refresh.total}
          aria-valuenow={refresh.done}
        >
          <div className="progress-fill" style={{ width: `${(100 * refresh.done) / refresh.total}%` }} />
          <span className="progress-text">
            {t('app.refreshing.progress', { done: refresh.done, total: refresh.total })}
          </span>
        </div>
      )}
      {!connected && (
        <div className="banner error" role="alert">
          {tParts('app.disconnected', { command: <code key="command">{SERVE_COMMAND}</code> })}
        </div>
      )}
      {connected && offline && (
        <div className="banner" role="status">
          {t('app.offline')}
        </div>
      )}
    </>
  );
}
