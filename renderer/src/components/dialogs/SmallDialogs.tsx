/** The small dialogs: confirm, rename a tag, settings, an import report. */
import { useState } from 'react';
import type { Settings, Tag } from '../../../../shared/domain.js';
import { updateSettings } from '../../state/actions/settings.js';
import { renameTag } from '../../state/actions/tags.js';
import { closeDialog, openDialog } from '../../state/actions/ui.js';
import { useStore } from '../../state/store.js';
import { ReaderSettingsControls } from '../article/ReaderSettingsControls.js';
import { Modal } from '../Modal.js';
import { StorageSettings } from './StorageSettings.js';

export function ConfirmDialog({
  title,
  message,
  confirm,
  onConfirm,
}: {
  title: string;
  message: string;
  confirm: string;
  onConfirm: () => void;
}) {
  return (
    <Modal title={title}>
      <p>{message}</p>
      <div className="dialog-buttons">
        <button type="button" autoFocus onClick={() => closeDialog()}>
          Cancel
        </button>
        <button
          type="button"
          className="danger"
          onClick={() => {
            closeDialog();
            onConfirm();
          }}
        >
          {confirm}
        </button>
      </div>
    </Modal>
  );
}

export function RenameTagDialog({ tag }: { tag: Tag }) {
  const [name, setName] = useState(tag.name);
  return (
    <Modal title={`Rename #${tag.name}`}>
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          if (await renameTag(tag.id, name)) closeDialog();
        }}
      >
        <label className="field">
          New name
          <input autoFocus required maxLength={64} value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <div className="dialog-buttons">
          <button type="button" onClick={() => closeDialog()}>
            Cancel
          </button>
          <button type="submit" className="primary">
            Rename
          </button>
        </div>
      </form>
    </Modal>
  );
}

export function SettingsDialog() {
  const settings = useStore((s) => s.ui.settings);
  const set = (patch: Partial<Settings>) => void updateSettings(patch);
  return (
    <Modal title="Settings" wide>
      <label className="field">
        Theme
        <select value={settings.theme} onChange={(e) => set({ theme: e.target.value as Settings['theme'] })}>
          <option value="system">Same as the system</option>
          <option value="light">Light</option>
          <option value="dark">Dark</option>
        </select>
      </label>
      <label className="field">
        Refresh feeds
        <select value={settings.refreshMinutes} onChange={(e) => set({ refreshMinutes: Number(e.target.value) })}>
          {[15, 30, 60, 120, 360, 1440].map((m) => (
            <option key={m} value={m}>
              {m < 60
                ? `every ${m} minutes`
                : m === 60
                  ? 'every hour'
                  : m === 1440
                    ? 'once a day'
                    : `every ${m / 60} hours`}
            </option>
          ))}
        </select>
      </label>
      <label className="check">
        <input
          type="checkbox"
          checked={settings.markReadOnOpen}
          onChange={(e) => set({ markReadOnOpen: e.target.checked })}
        />
        Mark an article read when I open it
      </label>
      <label className="check">
        <input type="checkbox" checked={settings.dedupe} onChange={(e) => set({ dedupe: e.target.checked })} />
        Show a post carried by several feeds once
      </label>
      <label className="check">
        <input
          type="checkbox"
          checked={settings.closeToTray}
          onChange={(e) => set({ closeToTray: e.target.checked })}
        />
        Keep running in the tray when the window is closed (desktop app)
      </label>
      <label className="check">
        <input type="checkbox" checked={settings.autoUpdate} onChange={(e) => set({ autoUpdate: e.target.checked })} />
        Check for updates automatically (installed desktop app)
      </label>
      <section className="settings-section" aria-labelledby="settings-reading">
        <h3 id="settings-reading">Reading</h3>
        <p className="muted small">
          The font and measures of the article text. The Reading settings button in the article toolbar has them too.
        </p>
        <ReaderSettingsControls />
      </section>
      <section className="settings-section" aria-labelledby="settings-accounts">
        <h3 id="settings-accounts">Accounts</h3>
        <p className="muted small">
          Sync your feeds, read and starred articles with Tiny Tiny RSS, FreshRSS or Miniflux.{' '}
          <button type="button" className="link" onClick={() => openDialog({ kind: 'accounts' })}>
            Accounts…
          </button>
        </p>
      </section>
      <StorageSettings settings={settings} set={set} />
      <div className="dialog-buttons">
        <button type="button" className="primary" onClick={() => closeDialog()}>
          Done
        </button>
      </div>
    </Modal>
  );
}

export function ImportReportDialog({
  added,
  skipped,
  problems,
}: {
  added: number;
  skipped: number;
  problems: { line: number; message: string }[];
}) {
  return (
    <Modal title="OPML imported" wide>
      <p>
        {added} feed{added === 1 ? '' : 's'} added{skipped ? `, ${skipped} already followed` : ''}.
        {problems.length > 0 && ` ${problems.length} line${problems.length === 1 ? ' was' : 's were'} not imported:`}
      </p>
      {problems.length > 0 && (
        <ul className="problems">
          {problems.map((p) => (
            <li key={`${p.line}-${p.message}`}>
              Line {p.line}: {p.message}
            </li>
          ))}
        </ul>
      )}
      <div className="dialog-buttons">
        <button type="button" className="primary" onClick={() => closeDialog()}>
          OK
        </button>
      </div>
    </Modal>
  );
}
