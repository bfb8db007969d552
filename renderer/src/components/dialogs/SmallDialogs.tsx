/** The small dialogs: confirm, rename a tag, settings, an import report. */
import { useState } from 'react';
import type { Settings, Tag } from '../../../../shared/domain.js';
import { t } from '../../i18n/translate.js';
import { updateSettings } from '../../state/actions/settings.js';
import { renameTag } from '../../state/actions/tags.js';
import { closeDialog, openDialog } from '../../state/actions/ui.js';
import { useStore } from '../../state/store.js';
import { ReaderSettingsControls } from '../article/ReaderSettingsControls.js';
import { Modal } from '../Modal.js';
import { NotificationSettings } from '../notifications/NotificationSettings.js';
import { RulesSection } from '../rules/RulesSection.js';
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
          {t('common.cancel')}
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
    <Modal title={t('tags.renameDialog.title', { name: tag.name })}>
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          if (await renameTag(tag.id, name)) closeDialog();
        }}
      >
        <label className="field">
          {t('tags.renameDialog.name')}
          <input autoFocus required maxLength={64} value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <div className="dialog-buttons">
          <button type="button" onClick={() => closeDialog()}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="primary">
            {t('tags.renameDialog.rename')}
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
    <Modal title={t('settings.title')} wide>
      <label className="field">
        {t('settings.theme')}
        <select value={settings.theme} onChange={(e) => set({ theme: e.target.value as Settings['theme'] })}>
          <option value="system">{t('settings.theme.system')}</option>
          <option value="light">{t('settings.theme.light')}</option>
          <option value="dark">{t('settings.theme.dark')}</option>
        </select>
      </label>
      <label className="field">
        {t('settings.refresh')}
        <select value={settings.refreshMinutes} onChange={(e) => set({ refreshMinutes: Number(e.target.value) })}>
          {[15, 30, 60, 120, 360, 1440].map((m) => (
            <option key={m} value={m}>
              {m === 1440
                ? t('settings.refresh.daily')
                : m < 60
                  ? t('settings.refresh.minutes', { count: m })
                  : t('settings.refresh.hours', { count: m / 60 })}
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
        {t('settings.markReadOnOpen')}
      </label>
      <label className="check">
        <input type="checkbox" checked={settings.dedupe} onChange={(e) => set({ dedupe: e.target.checked })} />
        {t('settings.dedupe')}
      </label>
      <label className="check">
        <input
          type="checkbox"
          checked={settings.closeToTray}
          onChange={(e) => set({ closeToTray: e.target.checked })}
        />
        {t('settings.closeToTray')}
      </label>
      <label className="check">
        <input type="checkbox" checked={settings.autoUpdate} onChange={(e) => set({ autoUpdate: e.target.checked })} />
        {t('settings.autoUpdate')}
      </label>
      <section className="settings-section" aria-labelledby="settings-reading">
        <h3 id="settings-reading">{t('settings.reading')}</h3>
        <p className="muted small">{t('settings.reading.hint')}</p>
        <ReaderSettingsControls />
      </section>
      <section className="settings-section" aria-labelledby="settings-accounts">
        <h3 id="settings-accounts">{t('accounts.title')}</h3>
        <p className="muted small">
          {t('settings.accounts.hint')}{' '}
          <button type="button" className="link" onClick={() => openDialog({ kind: 'accounts' })}>
            {t('accounts.open')}
          </button>
        </p>
      </section>
      <NotificationSettings settings={settings} set={set} />
      <RulesSection />
      <StorageSettings settings={settings} set={set} />
      <div className="dialog-buttons">
        <button type="button" className="primary" onClick={() => closeDialog()}>
          {t('common.done')}
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
    <Modal title={t('import.title')} wide>
      <p>{t('import.summary', { added, skipped, problems: problems.length })}</p>
      {problems.length > 0 && (
        <ul className="problems">
          {problems.map((p) => (
            <li key={`${p.line}-${p.message}`}>{t('import.problem', { line: p.line, message: p.message })}</li>
          ))}
        </ul>
      )}
      <div className="dialog-buttons">
        <button type="button" className="primary" onClick={() => closeDialog()}>
          {t('common.ok')}
        </button>
      </div>
    </Modal>
  );
}
