/**
 * Desktop notifications in browser mode, as pure rules: whether a notice from the engine is
 * shown by this window (the desktop app's main process shows its own), and its words.
 */
import type { NewArticlesNotice } from '../../../shared/domain.js';
import { t } from '../i18n/translate.js';

/** What decides whether the window shows a notice itself. */
export interface NoticeContext {
  /** The desktop app: its main process shows the notice (electron/shell/notifications.ts). */
  electron: boolean;
  /** The Web Notifications permission; 'unsupported' where the browser has no Notification. */
  permission: NotificationPermission | 'unsupported';
  doNotDisturb: boolean;
}

export function showsNoticeHere(context: NoticeContext): boolean {
  return !context.electron && context.permission === 'granted' && !context.doNotDisturb;
}

/** A notice's title and body in the window's language ("5 new in Security"). */
export function noticeText(notice: NewArticlesNotice): { title: string; body: string } {
  return {
    title: t('notices.title', { count: notice.count, source: notice.source }),
    body: notice.body || t('common.untitled'),
  };
}
