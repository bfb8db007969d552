/** The view editor's preview: how many articles the filter lists now, said politely to screen readers. */
import { assertNever } from '../../../../shared/assert.js';
import type { ViewFilter } from '../../../../shared/saved-views.js';
import { t } from '../../i18n/translate.js';
import { usePreviewCount, type PreviewCount } from './use-preview-count.js';

const NUMBER = new Intl.NumberFormat();

function previewText(preview: PreviewCount): string {
  switch (preview.kind) {
    case 'counting':
      return t('views.preview.counting');
    case 'counted': {
      const n = NUMBER.format(preview.count.count);
      return preview.count.capped
        ? t('views.preview.capped', { n })
        : t('views.preview.count', { count: preview.count.count, n });
    }
    case 'failed':
      return t('views.preview.failed', { message: preview.message });
    default:
      return assertNever(preview, 'preview count');
  }
}

export function ViewPreviewCount({ filter }: { filter: ViewFilter }) {
  const preview = usePreviewCount(filter);
  return (
    <p className="view-preview" role="status" data-state={preview.kind}>
      {previewText(preview)}
    </p>
  );
}
