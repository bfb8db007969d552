/**
 * The view editor's preview count: the filter's articles counted once the user pauses
 * (300 ms), an older answer dropped when a newer count was asked for.
 */
import { useEffect, useState } from 'react';
import type { ArticleCount } from '../../../../shared/api.js';
import type { ViewFilter } from '../../../../shared/saved-views.js';
import { errorMessage } from '../../state/actions/toasts.js';
import { countViewFilter } from '../../state/actions/saved-views.js';

export const PREVIEW_PAUSE_MS = 300;

export type PreviewCount =
  { kind: 'counting' } | { kind: 'counted'; count: ArticleCount } | { kind: 'failed'; message: string };

export function usePreviewCount(filter: ViewFilter): PreviewCount {
  const [state, setState] = useState<PreviewCount>({ kind: 'counting' });
  const key = JSON.stringify(filter);
  useEffect(() => {
    let current = true;
    setState({ kind: 'counting' });
    const timer = setTimeout(() => {
      countViewFilter(JSON.parse(key) as ViewFilter).then(
        (count) => current && setState({ kind: 'counted', count }),
        (error: unknown) => current && setState({ kind: 'failed', message: errorMessage(error) }),
      );
    }, PREVIEW_PAUSE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [key]);
  return state;
}
