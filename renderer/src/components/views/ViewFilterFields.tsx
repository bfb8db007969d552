/**
 * The filter of a saved view, as fields: the search (its syntax), which articles (all,
 * unread, starred, today's), how recent, with or without an attachment, the author, the
 * feeds and the tags (any or all of them). Each change hands back the whole filter.
 */
import { useId } from 'react';
import type { SmartView } from '../../../../shared/domain.js';
import type { ViewFilter } from '../../../../shared/saved-views.js';
import type { MessageId } from '../../i18n/messages-en.js';
import { t } from '../../i18n/translate.js';
import { SINCE_DAYS } from '../../state/saved-views.js';
import { feedTitle } from '../../state/selectors.js';
import { useStore } from '../../state/store.js';
import { Checklist } from './Checklist.js';

const SHOW: { view: SmartView; label: MessageId }[] = [
  { view: 'all', label: 'views.field.show.all' },
  { view: 'unread', label: 'views.field.show.unread' },
  { view: 'starred', label: 'views.field.show.starred' },
  { view: 'today', label: 'views.field.show.today' },
];

type Enclosure = 'any' | 'with' | 'without';

function enclosureOf(filter: ViewFilter): Enclosure {
  return filter.hasEnclosure === undefined ? 'any' : filter.hasEnclosure ? 'with' : 'without';
}

export function ViewFilterFields({ filter, onChange }: { filter: ViewFilter; onChange: (filter: ViewFilter) => void }) {
  const feeds = useStore((s) => s.feeds.feeds);
  const tags = useStore((s) => s.feeds.tags);
  const tagModeName = useId();
  const set = (patch: Partial<ViewFilter>) => onChange({ ...filter, ...patch });
  const chosenTags = filter.tags ?? [];
  return (
    <>
      <label className="field">
        {t('views.field.search')}
        <input
          type="search"
          value={filter.search ?? ''}
          placeholder={t('views.field.search.placeholder')}
          onChange={(e) => set({ search: e.target.value })}
        />
      </label>
      <div className="field-row">
        <label className="field">
          {t('views.field.show')}
          <select value={filter.view} onChange={(e) => set({ view: e.target.value as SmartView })}>
            {SHOW.map((item) => (
              <option key={item.view} value={item.view}>
                {t(item.label)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          {t('views.field.since')}
          <select
            value={filter.sinceDays ?? ''}
            onChange={(e) => set({ sinceDays: e.target.value === '' ? undefined : Number(e.target.value) })}
          >
            <option value="">{t('views.field.since.any')}</option>
            {SINCE_DAYS.map((days) => (
              <option key={days} value={days}>
                {t('views.field.since.days', { count: days })}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          {t('views.field.enclosure')}
          <select
            value={enclosureOf(filter)}
            onChange={(e) => {
              const choice = e.target.value as Enclosure;
              set({ hasEnclosure: choice === 'any' ? undefined : choice === 'with' });
            }}
          >
            <option value="any">{t('views.field.enclosure.any')}</option>
            <option value="with">{t('views.field.enclosure.with')}</option>
            <option value="without">{t('views.field.enclosure.without')}</option>
          </select>
        </label>
      </div>
      <label className="field">
        {t('views.field.author')}
        <input
          value={filter.author ?? ''}
          placeholder={t('views.field.author.placeholder')}
          onChange={(e) => set({ author: e.target.value })}
        />
      </label>
      {feeds.length > 0 && (
        <Checklist
          legend={t('views.field.feeds')}
          hint={t('views.field.feeds.any')}
          items={feeds.map((f) => ({ id: f.id, label: feedTitle(f) }))}
          chosen={filter.feedIds ?? []}
          onChange={(feedIds) => set({ feedIds })}
        />
      )}
      {tags.length > 0 && (
        <Checklist
          legend={t('views.field.tags')}
          hint={t('views.field.tags.any')}
          items={tags.map((tag) => ({ id: tag.id, label: tag.name }))}
          chosen={chosenTags}
          onChange={(ids) => set({ tags: ids })}
        />
      )}
      {chosenTags.length > 1 && (
        <fieldset className="radio-group">
          <legend>{t('views.field.tagMode')}</legend>
          {(['any', 'all'] as const).map((mode) => (
            <label key={mode} className="check">
              <input
                type="radio"
                name={tagModeName}
                checked={(filter.tagMode ?? 'any') === mode}
                onChange={() => set({ tagMode: mode })}
              />
              {t(mode === 'any' ? 'views.field.tagMode.any' : 'views.field.tagMode.all')}
            </label>
          ))}
        </fieldset>
      )}
    </>
  );
}
