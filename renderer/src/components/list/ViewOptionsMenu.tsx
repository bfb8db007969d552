/**
 * "View options" in the list's toolbar: the layout of this view (compact, cards, magazine),
 * the order (newest or oldest first), day headings, and marking read on scroll. The
 * layout is remembered per view; the others hold for every view.
 */
import { SlidersHorizontal } from 'lucide-react';
import type { ListLayout, ListOrder } from '../../../../shared/domain.js';
import { chooseLayout, updateSettings } from '../../state/actions/settings.js';
import { layoutOf } from '../../state/list-layout.js';
import { getState } from '../../state/store.js';
import type { MenuEntry } from './Menu.js';
import { MenuButton } from './MenuButton.js';

const LAYOUT_NAMES: [ListLayout, string][] = [
  ['compact', 'Compact list'],
  ['cards', 'Cards'],
  ['magazine', 'Magazine'],
];

const ORDER_NAMES: [ListOrder, string][] = [
  ['newest', 'Newest first'],
  ['oldest', 'Oldest first'],
];

function entries(): MenuEntry[] {
  const { settings } = getState().ui;
  const layout = layoutOf(settings, getState().selection.scope);
  return [
    {
      kind: 'group',
      label: 'Layout of this view',
      items: LAYOUT_NAMES.map(([value, label]) => ({
        kind: 'radio',
        label,
        checked: layout === value,
        run: () => void chooseLayout(value),
      })),
    },
    { kind: 'separator' },
    {
      kind: 'group',
      label: 'Order',
      items: ORDER_NAMES.map(([value, label]) => ({
        kind: 'radio',
        label,
        checked: settings.listOrder === value,
        run: () => void updateSettings({ listOrder: value }),
      })),
    },
    { kind: 'separator' },
    {
      kind: 'check',
      label: 'Group by day',
      checked: settings.groupByDay,
      run: () => void updateSettings({ groupByDay: !settings.groupByDay }),
    },
    {
      kind: 'check',
      label: 'Mark as read on scroll',
      checked: settings.markReadOnScroll,
      run: () => void updateSettings({ markReadOnScroll: !settings.markReadOnScroll }),
    },
  ];
}

export function ViewOptionsMenu() {
  return (
    <MenuButton
      label="View options"
      icon={<SlidersHorizontal aria-hidden="true" className="icon-svg" />}
      entries={entries}
    />
  );
}
