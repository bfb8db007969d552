/**
 * Desktop notifications from the window: in browser mode a notice from the engine becomes
 * a Web Notification (once the user allowed them); clicking one, or the desktop app's own
 * (electron/shell/notifications.ts), opens its article. The switches that ask for them:
 * a tag's, Do not disturb, and the browser's permission.
 */
import type { ArticleId, NewArticlesNotice, TagId } from '../../../../shared/domain.js';
import { api, isElectron } from '../../api.js';
import { noticeText, showsNoticeHere } from '../notices.js';
import { getState, update } from '../store.js';
import { reloadSidebar } from './feeds.js';
import { openArticle } from './reading.js';
import { selectScope } from './selection.js';
import { attempt } from './toasts.js';
import { showPane } from './ui.js';

/** The Web Notifications permission; 'unsupported' where the browser has no Notification. */
export function notificationPermission(): NotificationPermission | 'unsupported' {
  return typeof Notification === 'undefined' ? 'unsupported' : Notification.permission;
}

/** Asks the browser to allow notifications (from a click: browsers ask only then). */
export async function allowNotifications(): Promise<NotificationPermission | 'unsupported'> {
  if (typeof Notification === 'undefined') return 'unsupported';
  return Notification.requestPermission();
}

/** A notice from the engine: shown by this window in browser mode, when allowed and not in Do not disturb. */
export function onNewArticlesNotice(notice: NewArticlesNotice): void {
  const context = {
    electron: isElectron,
    permission: notificationPermission(),
    doNotDisturb: getState().ui.settings.doNotDisturb,
  };
  if (!showsNoticeHere(context)) return;
  const { title, body } = noticeText(notice);
  const shown = new Notification(title, { body, tag: `syndic-${notice.articleId}` });
  shown.onclick = () => {
    window.focus();
    shown.close();
    void openNoticeArticle(notice.articleId);
  };
}

/** Opens a notice's article: in All, without a search, the article selected and in front. */
export async function openNoticeArticle(articleId: ArticleId): Promise<void> {
  update((s) => ({ selection: { ...s.selection, search: '', unreadOnly: false } }));
  selectScope({ kind: 'smart', view: 'all' });
  await openArticle(articleId);
  showPane('article');
}

export async function setTagNotify(tagId: TagId, notify: boolean): Promise<void> {
  await attempt(() => api.setTagNotify(tagId, notify));
  await reloadSidebar();
}
