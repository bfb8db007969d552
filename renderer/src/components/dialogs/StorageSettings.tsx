/**
 * The settings' storage section: where the data lives and how big it is, the offline
 * image cache and its cap, retention, backups (make one, restore one) and exports.
 */
import { useEffect } from 'react';
import type { Settings } from '../../../../shared/domain.js';
import { shortDate } from '../../format.js';
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
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  if (bytes < 1024 * 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${(bytes / 1024 / 1024 / 1024).toFixed(2)} GB`;
}

type Choices = [label: string, value: number][];

const CACHE_SIZES: Choices = [100, 250, 500, 1024, 2048, 5120].map((mb) => [
  mb >= 1024 ? `${mb / 1024} GB` : `${mb} MB`,
  mb,
]);
const KEEP_DAYS: Choices = [
  ['Forever', 0],
  ['1 week', 7],
  ['1 month', 30],
  ['3 months', 90],
  ['1 year', 365],
];
const KEEP_PER_FEED: Choices = [
  ['No limit', 0],
  ['50', 50],
  ['200', 200],
  ['1,000', 1000],
];
const BACKUP_EVERY: Choices = [
  ['Never', 0],
  ['Every 6 hours', 6],
  ['Every day', 24],
  ['Every week', 168],
];

/** A labelled select of numeric settings. */
function NumberChoice(props: { label: string; value: number; choices: Choices; onChange: (value: number) => void }) {
  return (
    <label className="field">
      {props.label}
      <select value={props.value} onChange={(e) => props.onChange(Number(e.target.value))}>
        {props.choices.map(([label, value]) => (
          <option key={value} value={value}>
            {label}
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
    <section className="settings-section" aria-label="Storage and backups">
      <h3>Offline reading</h3>
      <p className="muted small" data-testid="cache-size">
        {offline
          ? `Image cache: ${offline.imageFiles} images, ${size(offline.imageBytes)} of ${size(offline.maxImageBytes)}` +
            (offline.queued ? ` · ${offline.queued} articles still to fetch` : '')
          : 'Image cache: …'}
      </p>
      <NumberChoice
        label="Image cache size"
        value={settings.imageCacheMB}
        choices={CACHE_SIZES}
        onChange={(imageCacheMB) => set({ imageCacheMB })}
      />
      <p className="muted small">
        The least recently read images go first when the cache is full; images of starred articles are always kept.
      </p>

      <h3>Keeping articles</h3>
      <NumberChoice
        label="Keep read articles"
        value={settings.keepReadDays}
        choices={KEEP_DAYS}
        onChange={(keepReadDays) => set({ keepReadDays })}
      />
      <NumberChoice
        label="At most, per feed"
        value={settings.keepPerFeed}
        choices={KEEP_PER_FEED}
        onChange={(keepPerFeed) => set({ keepPerFeed })}
      />
      <p className="muted small">
        Unread and starred articles are never removed. Tidied daily
        {storage?.lastMaintenanceAt ? `, last on ${shortDate(storage.lastMaintenanceAt)}` : ''}.{' '}
        <button type="button" className="link" onClick={() => void runMaintenance()}>
          Tidy now
        </button>
      </p>

      <h3>Backups</h3>
      <NumberChoice
        label="Back up automatically"
        value={settings.backupEveryHours}
        choices={BACKUP_EVERY}
        onChange={(backupEveryHours) => set({ backupEveryHours })}
      />
      <ul className="backups" aria-label="Backups">
        {storage?.backups.map((b) => (
          <li key={b.name}>
            <span>
              {shortDate(b.createdAt)} · {size(b.bytes)}
              {b.name.includes('before-restore') ? ' · before a restore' : ''}
            </span>
            <button type="button" onClick={() => confirmRestoreBackup(b.name, shortDate(b.createdAt))}>
              Restore…
            </button>
          </li>
        ))}
        {storage && storage.backups.length === 0 && <li className="muted small">No backups yet.</li>}
      </ul>
      <div className="button-row">
        <button type="button" onClick={() => void createBackup()}>
          Back up now
        </button>
        <button type="button" onClick={() => void exportStarred('html')}>
          Export starred (HTML)
        </button>
        <button type="button" onClick={() => void exportStarred('json')}>
          Export starred (JSON)
        </button>
        <button type="button" onClick={() => void exportOpml()}>
          Export feeds (OPML)
        </button>
      </div>
      {storage && (
        <p className="muted small">
          Data folder: <code>{storage.dataDir}</code> · database {size(storage.databaseBytes)} for{' '}
          {storage.articleCount.toLocaleString()} articles
        </p>
      )}
    </section>
  );
}
