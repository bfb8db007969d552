/**
 * The use cases of saved views: list, create, update, delete, reorder. Every change tells
 * the windows the new list ('views-changed') and the counts, which hold each view's unread
 * count (store/counts.ts). A draft is checked here as at the door, so a caller inside the
 * engine (the command line) gets the same clear refusal as the window.
 */
import { savedViewDraftSchema, type SavedView, type SavedViewDraft, type ViewId } from '../../../shared/saved-views.js';
import type { ReaderContext } from '../reader/reader-context.js';
import { UserError } from '../reader/user-error.js';
import * as store from '../store/saved-views.js';

export class ViewUseCases {
  constructor(private readonly ctx: ReaderContext) {}

  list(): SavedView[] {
    return store.listSavedViews(this.ctx.db);
  }

  create(draft: SavedViewDraft): SavedView {
    const checked = this.checked(draft);
    const id = store.insertSavedView(this.ctx.db, checked, this.ctx.now());
    this.changed();
    return this.view(id);
  }

  update(id: ViewId, draft: SavedViewDraft): SavedView {
    const checked = this.checked(draft);
    if (!store.updateSavedView(this.ctx.db, id, checked)) throw unknown(id);
    this.changed();
    return this.view(id);
  }

  delete(id: ViewId): void {
    if (!store.deleteSavedView(this.ctx.db, id)) throw unknown(id);
    this.changed();
  }

  reorder(ids: ViewId[]): SavedView[] {
    const known = this.list().map((v) => v.id);
    const named = new Set(ids);
    if (named.size !== ids.length || ids.length !== known.length || !known.every((id) => named.has(id)))
      throw new UserError('The new order must name every saved view once. Reload the sidebar and try again.');
    store.reorderSavedViews(this.ctx.db, ids);
    return this.changed();
  }

  /** The draft as it will be stored (name trimmed), or a refusal saying what to fix. */
  private checked(draft: SavedViewDraft): SavedViewDraft {
    const parsed = savedViewDraftSchema.safeParse(draft);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const where = issue.path.length ? ` (${issue.path.join('.')})` : '';
      throw new UserError(`This view cannot be saved: ${issue.message}${where}.`);
    }
    const missing = store.missingFilterIds(this.ctx.db, parsed.data.filter);
    if (missing.feeds.length)
      throw new UserError(`This view names a feed that no longer exists (id ${missing.feeds.join(', ')}).`);
    if (missing.tags.length)
      throw new UserError(`This view names a tag that no longer exists (id ${missing.tags.join(', ')}).`);
    return parsed.data;
  }

  private view(id: ViewId): SavedView {
    const view = store.getSavedView(this.ctx.db, id);
    if (!view) throw unknown(id);
    return view;
  }

  private changed(): SavedView[] {
    const views = this.list();
    this.ctx.emit('views-changed', views);
    this.ctx.countsChanged([]);
    return views;
  }
}

function unknown(id: ViewId): UserError {
  return new UserError(`There is no saved view with id ${id}.`);
}
