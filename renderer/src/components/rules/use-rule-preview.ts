/**
 * The rule editor's live preview: the draft's conditions sent to the engine once the user
 * pauses (300 ms); an answer to an older draft is dropped.
 */
import { useEffect, useState } from 'react';
import type { RuleDraft, RulePreview } from '../../../../shared/rules.js';
import { errorMessage } from '../../state/actions/toasts.js';
import { previewable } from '../../state/rule-draft.js';
import { previewRuleDraft } from '../../state/actions/rules.js';

export const PREVIEW_PAUSE_MS = 300;

export type RulePreviewState =
  | { kind: 'empty' }
  | { kind: 'waiting' }
  /** `asked`: the draft the engine saw; `rows`: the editor row of each of its conditions, to place a problem. */
  | { kind: 'shown'; preview: RulePreview; asked: RuleDraft; rows: number[] }
  | { kind: 'failed'; message: string };

export function useRulePreview(draft: RuleDraft): RulePreviewState {
  const sent = previewable(draft);
  const key = sent ? JSON.stringify(sent) : '';
  const [state, setState] = useState<RulePreviewState>(sent ? { kind: 'waiting' } : { kind: 'empty' });
  useEffect(() => {
    if (!key) {
      setState({ kind: 'empty' });
      return;
    }
    const { draft: asked, rows } = JSON.parse(key) as NonNullable<ReturnType<typeof previewable>>;
    let current = true;
    setState((old) => (old.kind === 'shown' ? old : { kind: 'waiting' }));
    const timer = setTimeout(() => {
      previewRuleDraft(asked).then(
        (preview) => current && setState({ kind: 'shown', preview, asked, rows }),
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
