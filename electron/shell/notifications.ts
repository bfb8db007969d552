/**
 * Desktop notifications of the desktop app: the engine's 'new-articles-notice' (already
 * grouped, worded, and held back while Do not disturb is on) shown by the main process, so
 * one shows even with the window hidden in the tray. Clicking one brings the window forward
 * and opens the article there. The renderer shows none itself in the desktop app.
 */
import type { NotificationConstructorOptions } from 'electron';
import type { ArticleId, NewArticlesNotice } from '../../shared/domain.js';

/** What this needs of Electron's Notification (the tests pass a stand-in). */
export interface ShownNotice {
  on(event: 'click' | 'close', listener: () => void): unknown;
  show(): void;
}

export interface NoticeDeps {
  /** False where the system has no notifications (some Linux desktops): nothing is shown. */
  supported: () => boolean;
  create: (options: NotificationConstructorOptions) => ShownNotice;
  /** A notice was clicked: show the window and open its article. */
  open: (articleId: ArticleId) => void;
  iconPath?: string;
}

/**
 * Returns the function that shows one notice. Each shown notice is held until it is
 * clicked or closed: one the garbage collector took would no longer answer its click.
 */
export function noticeShower(deps: NoticeDeps): (notice: NewArticlesNotice) => void {
  const live = new Set<ShownNotice>();
  return (notice) => {
    if (!deps.supported()) return;
    const shown = deps.create({
      title: notice.title,
      body: notice.body,
      ...(deps.iconPath ? { icon: deps.iconPath } : {}),
    });
    live.add(shown);
    shown.on('click', () => {
      live.delete(shown);
      deps.open(notice.articleId);
    });
    shown.on('close', () => live.delete(shown));
    shown.show();
  };
}
