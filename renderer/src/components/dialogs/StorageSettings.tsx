/**
 * The settings' storage section: where the data lives and how big it is, the offline
 * image cache and its cap, retention, backups (make one, restore one) and exports.
 */
import { useEffect } from 'react';
import type { Settings } from '../../../../shared/domain.js';
import { shortDate } from '../../format.js';
import type { MessageId } from '../../i18n/messages-en.js';
import { t, tParts } from '../../i18n/translate.js';
import { exportOpml } from '../../state/actions/opml.js';
import {
  confirmRestoreBackup,
  createBackup,
  exportStarred,
  loadStorageInfo,
  runMaintenance,
} from '../../state/actions/storage.js';
import { useStore } from '../../state/store.js';

function size(bytes: number): string {
  if (bytes < 1024 * 1024) return t('storage.size.kb', { size: String(Math.round(bytes / 1024)) });
  if (bytes < 1024 * 1024 * 1024) return t('storage.size.mb', { size: (bytes / 1024 / 1024).toFixed(1) });
  return t('storage.size.gb', { size: (bytes / 1024 / 1024 / 1024).toFixed(2) });
}

/** A choice's label: a message and its values, said when the section is drawn. */
type Choices = [label: [MessageId, Record<string, number>?], value: number][];

const CACHE_SIZES: Choices = [100, 250, 500, 1024, 2048, 5120].map((mb) => [
  mb >= 1024 ? ['storage.size.gb', { size: mb / 1024 }] : ['storage.size.mb', { size: mb }],
  mb,
]);
const KEEP_DAYS: Choices = [
  [['storage.keep.forever'], 0],
  [['storage.keep.weeks', { count: 1 }], 7],
  [['storage.keep.months', { count: 1 }], 30],
  [['storage.keep.months', { count: 3 }], 90],
  [['storage.keep.years', { count: 1 }], 365],
];
const KEEP_PER_FEED: Choices = [
  [['storage.perFeed.noLimit'], 0],
  [['storage.perFeed.count', { count: 50 }], 50],
  [['storage.perFeed.count', { count: 200 }], 200],
  [['storage.perFeed.count', { count: 1000 }], 1000],
];
const BACKUP_EVERY: Choices = [
  [['storage.backup.never'], 0],
  [['storage.backup.everyHours', { count: 6 }], 6],
  [['storage.backup.daily'], 24],
  [['storage.backup.weekly'], 168],
];

/** A labelled select of numeric settings. */
function NumberChoice(props: { label: string; value: number; choices: Choices; onChange: (value: number) => void }) {
  return (
    <label className="field">
      {props.label}
      <select value={props.value} onChange={(e) => props.onChange(Number(e.target.value))}>
        {props.choices.map(([[label, values], value]) => (
          <option key={value} value={value}>
            {t(label, values)}
          </option>
        ))}
      </select>
    </label>
  );
}

export function StorageSettings({ settings, set }: { settings: Settings; set: (patch: Partial<Settings>) => void }) {
  const storage = useStore((s) => s.ui.storage);
  useEffect(() => void loadStorageInfo(), []);
  const offline = storage?.offline;
  return (
    <section className="settings-section" aria-label={t('storage.label')}>
      <h3>{t('storage.offline')}</h3>
      <p className="muted small" data-testid="cache-size">
        {offline
          ? t('storage.cache', {
              images: offline.imageFiles,
              used: size(offline.imageBytes),
              max: size(offline.maxImageBytes),
              queued: offline.queued,
            })
          : t('storage.cache.unknown')}
      </p>
      <NumberChoice
        label={t('storage.cacheSize')}
        value={settings.imageCacheMB}
        choices={CACHE_SIZES}
        onChange={(imageCacheMB) => set({ imageCacheMB })}
      />
      <p className="muted small">{t('storage.cache.hint')}</p>

      <h3>{t('storage.keeping')}</h3>
      <NumberChoice
        label={t('storage.keepRead')}
        value={settings.keepReadDays}
        choices={KEEP_DAYS}
        onChange={(keepReadDays) => set({ keepReadDays })}
      />
      <NumberChoice
        label={t('storage.perFeed')}
        value={settings.keepPerFeed}
        choices={KEEP_PER_FEED}
        onChange={(keepPerFeed) => set({ keepPerFeed })}
      />
      <p className="muted small">
        {storage?.lastMaintenanceAt
          ? t('storage.tidied.last', { when: shortDate(storage.lastMaintenanceAt) })
          : t('storage.tidied')}{' '}
        <button type="button" className="link" onClick={() => void runMaintenance()}>
          {t('storage.tidyNow')}
        </button>
      </p>

      <h3>{t('storage.backups')}</h3>
      <NumberChoice
        label={t('storage.backupEvery')}
        value={settings.backupEveryHours}
        choices={BACKUP_EVERY}
        onChange={(backupEveryHours) => set({ backupEveryHours })}
      />
      <ul className="backups" aria-label={t('storage.backups')}>
        {storage?.backups.map((b) => (
          <li key={b.name}>
            <span>
              {t(b.name.includes('before-restore') ? 'storage.backup.beforeRestore' : 'storage.backup.line', {
                when: shortDate(b.createdAt),
                size: size(b.bytes),
              })}
            </span>
            <button type="button" onClick={() => confirmRestoreBackup(b.name, shortDate(b.createdAt))}>
              {t('storage.restore')}
            </button>
          </li>
        ))}
        {storage && storage.backups.length === 0 && <li className="muted small">{t('storage.noBackups')}</li>}
      </ul>
      <div className="button-row">
        <button type="button" onClick={() => void createBackup()}>
          {t('storage.backUpNow')}
        </button>
        <button type="button" onClick={() => void exportStarred('html')}>
          {t('storage.exportStarredHtml')}
        </button>
        <button type="button" onClick={() => void exportStarred('json')}>
          {t('storage.exportStarredJson')}
        </button>
        <button type="button" onClick={() => void exportOpml()}>
          {t('storage.exportOpml')}
        </button>
      </div>
      {storage && (
        <p className="muted small">
          {tParts('storage.dataFolder', {
            folder: <code key="folder">{storage.dataDir}</code>,
            size: size(storage.databaseBytes),
            count: storage.articleCount,
          })}
        </p>
      )}
    </section>
  );
}
