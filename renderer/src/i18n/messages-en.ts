/**
 * The English catalogue: every string the window shows, under a stable id, in ICU
 * MessageFormat (what translation tools such as Weblate and Crowdin read), so a translation
 * is a new file with the same ids. Ids are grouped by the part of the window that shows them.
 */
export const en = {
  // The `?` dialog
  'shortcuts.title': 'Keyboard shortcuts and search',
  'shortcuts.keys': 'Keys',
  'shortcuts.search': 'Search',
  'shortcuts.scope': 'Search looks within the view you are in: a feed, a tag, Starred or Unread.',
  'common.close': 'Close',
} as const;

export type MessageId = keyof typeof en;
/** A translation: any subset of the English ids; what it lacks shows in English. */
export type Catalogue = Partial<Record<MessageId, string>>;
