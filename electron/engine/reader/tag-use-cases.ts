/** The use cases of tags: on feeds (folders that may overlap) and on single articles. */
import type { ArticleId, Feed, FeedId, Tag, TagId } from '../../../shared/domain.js';
import * as articles from '../store/articles.js';
import * as tags from '../store/tags.js';
import type { ReaderContext } from './reader-context.js';
import { UserError } from './user-error.js';

export class TagUseCases {
  constructor(
    private readonly ctx: ReaderContext,
    private readonly requireFeed: (id: FeedId) => Feed,
  ) {}

  listTags(): Tag[] {
    const counts = this.ctx.counts();
    return tags.listTagRows(this.ctx.db).map((row) => tags.toTag(row, counts.tags[row.id] ?? 0));
  }

  private tag(id: TagId): Tag {
    const row = tags.getTagRow(this.ctx.db, id);
    if (!row) throw new UserError(`There is no tag with id ${id}`);
    return tags.toTag(row, this.ctx.counts().tags[id] ?? 0);
  }

  /** A name the store refuses (empty, too long) is the user's to fix, not a fault. */
  private guard<T>(work: () => T): T {
    try {
      return work();
    } catch (error) {
      if (error instanceof tags.TagNameError) throw new UserError(error.message);
      throw error;
    }
  }

  setNotify(tagId: TagId, notify: boolean): Tag {
    this.tag(tagId);
    tags.setTagNotify(this.ctx.db, tagId, notify);
    return this.tag(tagId);
  }

  createTag(name: string): Tag {
    return this.tag(this.guard(() => tags.ensureTag(this.ctx.db, name, this.ctx.now())));
  }

  renameTag(tagId: TagId, name: string): Tag {
    this.tag(tagId);
    this.guard(() => tags.renameTag(this.ctx.db, tagId, name));
    this.ctx.emit('feeds-changed', { feedIds: [] });
    return this.tag(tagId);
  }

  mergeTags(from: TagId, into: TagId): Tag {
    this.tag(from);
    this.tag(into);
    tags.mergeTags(this.ctx.db, from, into);
    this.ctx.countsChanged([]);
    return this.tag(into);
  }

  deleteTag(tagId: TagId): void {
    this.tag(tagId);
    tags.deleteTag(this.ctx.db, tagId);
    this.ctx.countsChanged([]);
  }

  setFeedTags(feedId: FeedId, tagNames: string[]): Feed {
    this.requireFeed(feedId);
    this.guard(() => tags.setFeedTags(this.ctx.db, feedId, tagNames, this.ctx.now()));
    this.ctx.countsChanged([feedId]);
    return this.requireFeed(feedId);
  }

  tagArticle(articleId: ArticleId, tagName: string): void {
    const { db } = this.ctx;
    if (!articles.getArticle(db, articleId)) throw new UserError(`There is no article with id ${articleId}`);
    const tagId = this.guard(() => tags.ensureTag(db, tagName, this.ctx.now()));
    tags.tagArticle(db, articleId, tagId);
    this.ctx.countsChanged([]);
  }

  untagArticle(articleId: ArticleId, tagId: TagId): void {
    tags.untagArticle(this.ctx.db, articleId, tagId);
    this.ctx.countsChanged([]);
  }
}
