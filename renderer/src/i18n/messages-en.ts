/**
 * The English catalogue: every string the window shows, under a stable id, in ICU
 * MessageFormat (what translation tools such as Weblate and Crowdin read), so a translation
 * is a new file with the same ids. Ids are grouped by the part of the window that shows
 * them, one file per part under messages/; a test checks that no two parts share an id.
 */
import { accounts } from './messages/accounts.js';
import { app } from './messages/app.js';
import { article, media } from './messages/article.js';
import { common } from './messages/common.js';
import { dialogs } from './messages/dialogs.js';
import { empty, list } from './messages/list.js';
import { settings } from './messages/settings.js';
import { shortcuts } from './messages/shortcuts.js';
import { sidebar } from './messages/sidebar.js';
import { notices, rules, views } from './organize-messages-en.js';

/** The parts, by name: what the catalogue is made of. */
export const PARTS = {
  common,
  app,
  sidebar,
  list,
  empty,
  article,
  media,
  dialogs,
  settings,
  accounts,
  shortcuts,
  views,
  rules,
  notices,
};

export const en = {
  ...common,
  ...app,
  ...sidebar,
  ...list,
  ...empty,
  ...article,
  ...media,
  ...dialogs,
  ...settings,
  ...accounts,
  ...shortcuts,
  ...views,
  ...rules,
  ...notices,
} as const;

export type MessageId = keyof typeof en;
/** A translation: any subset of the English ids; what it lacks shows in English. */
export type Catalogue = Partial<Record<MessageId, string>>;
