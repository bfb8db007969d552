/**
 * What each ReaderApi method accepts, checked at the door before anything reaches the
 * service. Each schema is typed against the method's parameters, so the contract and the
 * validation cannot drift apart: a changed signature is a compile error here.
 */
import { z } from 'zod';
import type { ReaderApi, ReaderMethod } from './api.js';
import { ruleDraftSchema } from './rules.js';
import { savedViewDraftSchema } from './saved-views.js';
import { FEED_OPEN_MODES, LIST_LAYOUTS, READER_FONTS, READER_LIMITS } from './domain.js';

const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
/** A list page's cursor (shared/domain.ts ArticleCursor): a sort key, 0 for an article dated 1970. */
const cursor = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);
const text = (max: number) => z.string().max(max);
const url = text(4096);
const tagName = text(200);
/** A refresh interval in minutes: 5 minutes to 7 days, the limits ReaderService.updateFeed enforces. */
const refreshMinutes = z
  .number()
  .int()
  .min(5)
  .max(7 * 24 * 60);

const articleQuery = z.strictObject({
  view: z.enum(['all', 'unread', 'starred', 'today']),
  feedId: id.optional(),
  tags: z.array(id).max(200).optional(),
  tagMode: z.enum(['any', 'all']).optional(),
  search: text(500).optional(),
  dedupe: z.boolean().optional(),
  order: z.enum(['newest', 'oldest']).optional(),
  below: id.optional(),
  feedIds: z.array(id).max(10_000).optional(),
  hasEnclosure: z.boolean().optional(),
  sinceDays: z.number().int().min(1).max(36_500).optional(),
  author: text(200).optional(),
});

const feedPatch = z.strictObject({
  userTitle: text(500).nullable().optional(),
  url: url.optional(),
  refreshMinutes: refreshMinutes.nullable().optional(),
  fetchFullText: z.boolean().optional(),
  openAs: z.enum(FEED_OPEN_MODES).optional(),
  notify: z.boolean().optional(),
});

const listLayout = z.enum(LIST_LAYOUTS);

const settingsPatch = z.strictObject({
  refreshMinutes: refreshMinutes.optional(),
  markReadOnOpen: z.boolean().optional(),
  theme: z.enum(['system', 'light', 'dark']).optional(),
  closeToTray: z.boolean().optional(),
  dedupe: z.boolean().optional(),
  imageCacheMB: z.number().int().min(50).max(100_000).optional(),
  keepReadDays: z.number().int().min(0).max(36_500).optional(),
  keepPerFeed: z.number().int().min(0).max(1_000_000).optional(),
  backupEveryHours: z
    .number()
    .int()
    .min(0)
    .max(24 * 30)
    .optional(),
  backupsKept: z.number().int().min(1).max(100).optional(),
  autoUpdate: z.boolean().optional(),
  listLayout: listLayout.optional(),
  viewLayouts: z
    .record(z.string().max(200), listLayout)
    .refine((v) => Object.keys(v).length <= 10_000)
    .optional(),
  listOrder: z.enum(['newest', 'oldest']).optional(),
  groupByDay: z.boolean().optional(),
  markReadOnScroll: z.boolean().optional(),
  readerFont: z.enum(READER_FONTS).optional(),
  readerFontSize: z.number().int().min(READER_LIMITS.fontSize.min).max(READER_LIMITS.fontSize.max).optional(),
  readerLineWidth: z.number().int().min(READER_LIMITS.lineWidth.min).max(READER_LIMITS.lineWidth.max).optional(),
  readerLineHeight: z.number().min(READER_LIMITS.lineHeight.min).max(READER_LIMITS.lineHeight.max).optional(),
  collapsedGroups: z.array(z.string().max(50)).max(10_000).optional(),
  doNotDisturb: z.boolean().optional(),
});

const none = z.tuple([]);

/** A server address: http or https only (no file:, no javascript:). */
const serverUrl = url.refine((value) => /^https?:\/\//i.test(value), 'an http:// or https:// address');
const accountLogin = {
  kind: z.enum(['ttrss', 'greader']),
  serverUrl,
  username: text(500).min(1),
  password: text(4096),
};
/** Minutes between syncs: 5 minutes to a day. */
const syncMinutes = z
  .number()
  .int()
  .min(5)
  .max(24 * 60);

type ArgSchemas = { [M in ReaderMethod]: z.ZodType<Parameters<ReaderApi[M]>> };

export const ARG_SCHEMAS: ArgSchemas = {
  listFeeds: none,
  discoverFeeds: z.tuple([url]),
  addFeed: z.tuple([
    z.strictObject({
      url,
      tags: z.array(tagName).max(50).optional(),
      title: text(500).optional(),
      fetchFullText: z.boolean().optional(),
      accountId: id.optional(),
    }),
  ]),
  updateFeed: z.tuple([id, feedPatch]),
  deleteFeed: z.tuple([id]),
  listTags: none,
  createTag: z.tuple([tagName]),
  renameTag: z.tuple([id, tagName]),
  mergeTags: z.tuple([id, id]),
  deleteTag: z.tuple([id]),
  setFeedTags: z.tuple([id, z.array(tagName).max(50)]),
  tagArticle: z.tuple([id, tagName]),
  untagArticle: z.tuple([id, id]),
  listArticles: z.tuple([articleQuery, cursor.nullable(), z.number().int().min(1).max(500)]),
  countArticles: z.tuple([articleQuery]),
  getArticle: z.tuple([id]),
  markRead: z.tuple([z.array(id).max(10_000), z.boolean()]),
  markViewRead: z.tuple([articleQuery, z.number().int().nullable()]),
  undoMarkRead: z.tuple([text(100)]),
  setStarred: z.tuple([id, z.boolean()]),
  getCounts: none,
  refresh: z.tuple([z.array(id).max(100_000).nullable()]),
  cancelRefresh: none,
  importOpml: z.tuple([text(50 * 1024 * 1024)]),
  exportOpml: none,
  getSettings: none,
  updateSettings: z.tuple([settingsPatch]),
  fetchFullArticle: z.tuple([id]),
  getStorageInfo: none,
  createBackup: none,
  restoreBackup: z.tuple([text(200)]),
  exportStarred: z.tuple([z.enum(['html', 'json'])]),
  runMaintenance: none,
  listAccounts: none,
  testAccount: z.tuple([z.strictObject(accountLogin)]),
  addAccount: z.tuple([z.strictObject({ ...accountLogin, name: text(200).optional() })]),
  updateAccount: z.tuple([
    id,
    z.strictObject({
      name: text(200).min(1).optional(),
      syncMinutes: syncMinutes.optional(),
      password: text(4096).optional(),
    }),
  ]),
  removeAccount: z.tuple([id, z.boolean()]),
  syncNow: z.tuple([id.nullable()]),
  moveLocalFeeds: z.tuple([id, z.array(id).max(100_000).nullable()]),
  listViews: none,
  createView: z.tuple([savedViewDraftSchema]),
  updateView: z.tuple([id, savedViewDraftSchema]),
  deleteView: z.tuple([id]),
  reorderViews: z.tuple([z.array(id).max(10_000)]),
  listRules: none,
  createRule: z.tuple([ruleDraftSchema]),
  updateRule: z.tuple([id, ruleDraftSchema]),
  deleteRule: z.tuple([id]),
  reorderRules: z.tuple([z.array(id).max(10_000)]),
  previewRule: z.tuple([ruleDraftSchema]),
  applyRule: z.tuple([id]),
  exportRules: none,
  importRules: z.tuple([text(10 * 1024 * 1024)]),
  setTagNotify: z.tuple([id, z.boolean()]),
};
