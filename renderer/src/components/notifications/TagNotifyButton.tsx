/** A tag's bell in the sidebar: notify me of new articles in its feeds, or stop. */
import { Bell, BellOff } from 'lucide-react';
import type { Tag } from '../../../../shared/domain.js';
import { t } from '../../i18n/translate.js';
import { setTagNotify } from '../../state/actions/notices.js';

/** `inSidebar`: off the Tab order, as the sidebar's other hover buttons (the list's title row offers it too). */
export function TagNotifyButton({ tag, inSidebar = false }: { tag: Tag; inSidebar?: boolean }) {
  return (
    <button
      type="button"
      className="icon"
      tabIndex={inSidebar ? -1 : undefined}
      aria-pressed={tag.notify}
      aria-label={t('notices.tag', { name: tag.name })}
      title={t(tag.notify ? 'notices.tag.on' : 'notices.tag.off')}
      onClick={() => void setTagNotify(tag.id, !tag.notify)}
    >
      {tag.notify ? (
        <Bell aria-hidden="true" className="icon-svg" />
      ) : (
        <BellOff aria-hidden="true" className="icon-svg" />
      )}
    </button>
  );
}
