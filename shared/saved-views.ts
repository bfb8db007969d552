/**
 * Saved views ("smart views"): a filter with a name, shown in the sidebar with its unread
 * count. The filter is the article list's own query minus what is per visit (order, page,
 * "below"), so a saved view lists exactly what the same search and filters list.
 */
import { z } from 'zod';
import type { ArticleQuery } from './domain.js';

export type ViewId = number;

/** The part of an ArticleQuery a saved view keeps. */
export type ViewFilter = Pick<
  ArticleQuery,
  'view' | 'feedIds' | 'tags' | 'tagMode' | 'search' | 'hasEnclosure' | 'sinceDays' | 'author'
>;

export interface SavedViewDraft {
  name: string;
  filter: ViewFilter;
  /** A desktop notification when new articles arrive in it. */
  notify: boolean;
}

export interface SavedView extends SavedViewDraft {
  id: ViewId;
  /** Place in the sidebar, 0 first. */
  position: number;
}

const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);

export const viewFilterSchema = z.strictObject({
  view: z.enum(['all', 'unread', 'starred', 'today']),
  feedIds: z.array(id).max(10_000).optional(),
  tags: z.array(id).max(200).optional(),
  tagMode: z.enum(['any', 'all']).optional(),
  search: z.string().max(500).optional(),
  hasEnclosure: z.boolean().optional(),
  sinceDays: z.number().int().min(1).max(36_500).optional(),
  author: z.string().max(200).optional(),
});

export const savedViewDraftSchema = z.strictObject({
  name: z.string().trim().min(1, 'a view needs a name').max(200),
  filter: viewFilterSchema,
  notify: z.boolean(),
});

/** The ArticleQuery that lists a saved view. */
export function viewQuery(view: Pick<SavedView, 'filter'>): ArticleQuery {
  return { ...view.filter };
}
