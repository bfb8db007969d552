/**
 * The menu of one article of the list, opened by a right-click on its row or by Shift+F10
 * (or the Menu key) on the selected one: mark what is above or below it read, and its own
 * read and starred state. Escape gives focus back to the list.
 */
import { useEffect, useMemo } from 'react';
import { t } from '../../i18n/translate.js';
import { closeRowMenu } from '../../state/actions/list-menu.js';
import { markAboveRead, markBelowRead } from '../../state/actions/mark-many.js';
import { toggleRead, toggleStar } from '../../state/actions/reading.js';
import { useStore } from '../../state/store.js';
import { Menu, type MenuAnchor, type MenuEntry } from './Menu.js';

/** Where the keyboard's menu opens: by the row, or at the list's top when the row is not drawn. */
function besideRow(articleId: number): MenuAnchor {
  const row = document.getElementById(`article-${articleId}`) ?? document.querySelector('.list-scroller');
  const box = row?.getBoundingClientRect();
  return box ? { x: box.left + 24, y: box.top + Math.min(box.height, 40) } : { x: 24, y: 24 };
}

export function RowMenu({ onReturn }: { onReturn: () => void }) {
  const menu = useStore((s) => s.ui.rowMenu);
  // Selectors read the state alone (useStore caches by state): the article is found here.
  const items = useStore((s) => s.articles.items);
  const article = menu ? items.find((a) => a.id === menu.articleId) : undefined;
  const anchor = useMemo(() => (menu ? (menu.at ?? besideRow(menu.articleId)) : null), [menu]);
  const gone = menu !== null && !article;
  useEffect(() => {
    // Its article left the list (a reload): the menu goes for good, not back when the article does.
    if (gone) closeRowMenu();
  }, [gone]);
  if (!menu || !article || !anchor) return null;
  const entries: MenuEntry[] = [
    { kind: 'action', label: t('list.menu.markAbove'), keys: 'Shift+K', run: () => void markAboveRead(article.id) },
    { kind: 'action', label: t('list.menu.markBelow'), keys: 'Shift+J', run: () => void markBelowRead(article.id) },
    { kind: 'separator' },
    {
      kind: 'action',
      label: t(article.read ? 'list.menu.markUnread' : 'list.menu.markRead'),
      keys: 'm',
      run: () => void toggleRead(article.id),
    },
    {
      kind: 'action',
      label: t(article.starred ? 'list.menu.unstar' : 'article.star'),
      keys: 's',
      run: () => void toggleStar(article.id),
    },
  ];
  return (
    <Menu
      key={`${menu.articleId}-${menu.at?.x ?? 'k'}-${menu.at?.y ?? ''}`}
      label={t('list.menu.label', { title: article.title ?? t('common.untitled') })}
      entries={entries}
      anchor={anchor}
      onClose={(refocus) => {
        closeRowMenu();
        if (refocus) onReturn();
      }}
    />
  );
}
