/**
 * "View options" in the list's toolbar: the layout of this view (compact, cards, magazine),
 * the order (newest or oldest first), day headings, and marking read on scroll. The
 * layout is remembered per view; the others hold for every view.
 */
import { SlidersHorizontal } from 'lucide-react';
import type { ListLayout, ListOrder } from '../../../../shared/domain.js';
import type { MessageId } from '../../i18n/messages-en.js';
import { t } from '../../i18n/translate.js';
import { chooseLayout, updateSettings } from '../../state/actions/settings.js';
import { layoutOf } from '../../state/list-layout.js';
import { getState } from '../../state/store.js';
import type { MenuEntry } from './Menu.js';
import { MenuButton } from './MenuButton.js';

const LAYOUT_NAMES: [ListLayout, MessageId][] = [
  ['compact', 'list.view.compact'],
  ['cards', 'list.view.cards'],
  ['magazine', 'list.view.magazine'],
];

const ORDER_NAMES: [ListOrder, MessageId][] = [
  ['newest', 'list.view.newest'],
  ['oldest', 'list.view.oldest'],
];

function entries(): MenuEntry[] {
  const { settings } = getState().ui;
  const layout = layoutOf(settings, getState().selection.scope);
  return [
    {
      kind: 'group',
      label: t('list.view.layout'),
      items: LAYOUT_NAMES.map(([value, label]) => ({
        kind: 'radio',
        label: t(label),
        checked: layout === value,
        run: () => void chooseLayout(value),
      })),
    },
    { kind: 'separator' },
    {
      kind: 'group',
      label: t('list.view.order'),
      items: ORDER_NAMES.map(([value, label]) => ({
        kind: 'radio',
        label: t(label),
        checked: settings.listOrder === value,
        run: () => void updateSettings({ listOrder: value }),
      })),
    },
    { kind: 'separator' },
    {
      kind: 'check',
      label: t('list.view.groupByDay'),
      checked: settings.groupByDay,
      run: () => void updateSettings({ groupByDay: !settings.groupByDay }),
    },
    {
      kind: 'check',
      label: t('list.view.markOnScroll'),
      checked: settings.markReadOnScroll,
      run: () => void updateSettings({ markReadOnScroll: !settings.markReadOnScroll }),
    },
  ];
}

export function ViewOptionsMenu() {
  return (
    <MenuButton
      label={t('list.view.options')}
      icon={<SlidersHorizontal aria-hidden="true" className="icon-svg" />}
      entries={entries}
    />
  );
}
