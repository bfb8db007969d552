/**
 * What the test GReader server holds, per user: subscriptions, folders, labels and items with
 * their read, starred and label states. Tests seed and inspect it directly through these
 * methods; the routes change it only through them too, so both see one truth.
 *
 * Ids follow the flavour: FreshRSS's item id is the arrival time in microseconds (so it is also
 * its crawl time), Miniflux's is a sequence number. Folders are the servers' categories (every
 * feed is in exactly one); labels are FreshRSS's per-item tags (Miniflux has none).
 */
import { type Flavour, normaliseItemId, toDecimalId, toLongId } from './ids.js';
import { Tokens } from './tokens.js';

export interface Feed {
  id: number;
  url: string;
  title: string;
  htmlUrl: string;
  folder: string;
}

export interface Item {
  id: bigint;
  feedId: number;
  title: string;
  url: string;
  content: string;
  author: string;
  /** Milliseconds since the epoch. */
  published: number;
  /** When the server stored it, in microseconds (FreshRSS: equal to the id). */
  crawledUsec: bigint;
  /** Last change of the row in milliseconds: Miniflux answers it as `updated`. */
  changed: number;
  read: boolean;
  starred: boolean;
  labels: Set<string>;
  /** Categories the feed itself gave the item; FreshRSS lists them raw among `categories`. */
  tags: string[];
}

export type Time = Date | number;

export interface FeedInit {
  url: string;
  title?: string;
  htmlUrl?: string;
  /** Folder (category) name; the flavour's default folder when absent. */
  folder?: string;
  id?: number;
}

export interface ItemInit {
  /** The feed: its object, its id, or its URL. */
  feed: Feed | number | string;
  id?: bigint | number | string;
  title?: string;
  url?: string;
  content?: string;
  author?: string;
  /** Date or milliseconds since the epoch; now when absent. */
  published?: Time;
  /** Arrival on the server; now when absent. On FreshRSS it makes the id. */
  crawled?: Time;
  read?: boolean;
  starred?: boolean;
  labels?: string[];
  tags?: string[];
}

/** A copy of an item's state for assertions. */
export interface ItemView {
  id: bigint;
  decimalId: string;
  longId: string;
  feedId: number;
  title: string;
  published: Date;
  read: boolean;
  starred: boolean;
  labels: string[];
}

/** What the server finds when a client subscribes to a URL (it never fetches anything). */
export interface FeedSource {
  title?: string;
  htmlUrl?: string;
  items?: Omit<ItemInit, 'feed'>[];
}

const ms = (time: Time | undefined, fallback: number): number =>
  time === undefined ? fallback : typeof time === 'number' ? time : time.getTime();

/** Counters shared by all users, as both servers number feeds and items across users. */
interface Shared {
  flavour: Flavour;
  now: () => number;
  nextFeedId: number;
  nextItemSeq: bigint;
  sources: Map<string, FeedSource>;
  refused: Set<string>;
}

export class UserData {
  /** Bumped to revoke every auth and edit token the user holds (as a password change does). */
  generation = 0;
  readonly folders: string[];
  readonly labels: string[] = [];
  readonly feeds = new Map<number, Feed>();
  readonly items = new Map<bigint, Item>();

  constructor(
    readonly name: string,
    public password: string,
    /** Miniflux's numeric user id, which it puts in stream ids: user/1/label/... */
    readonly numericId: number,
    private readonly shared: Shared,
  ) {
    // Neither server lets a user have no category: FreshRSS's is id 1, Miniflux's is "All".
    this.folders = [shared.flavour === 'freshrss' ? 'Uncategorized' : 'All'];
  }

  get defaultFolder(): string {
    return this.folders[0] ?? 'Uncategorized';
  }

  addFolder(name: string): string {
    if (!this.folders.includes(name)) this.folders.push(name);
    return name;
  }

  addLabel(name: string): string {
    if (!this.labels.includes(name)) this.labels.push(name);
    return name;
  }

  addFeed(init: FeedInit): Feed {
    if (this.feedByUrl(init.url)) throw new Error(`already subscribed to ${init.url}`);
    const id = init.id ?? this.shared.nextFeedId;
    this.shared.nextFeedId = Math.max(this.shared.nextFeedId, id + 1);
    const feed: Feed = {
      id,
      url: init.url,
      title: init.title ?? new URL(init.url).hostname,
      htmlUrl: init.htmlUrl ?? new URL(init.url).origin + '/',
      folder: this.addFolder(init.folder ?? this.defaultFolder),
    };
    this.feeds.set(id, feed);
    return feed;
  }

  feedByUrl(url: string): Feed | undefined {
    for (const feed of this.feeds.values()) if (feed.url === url) return feed;
    return undefined;
  }

  /** A feed by the text after `feed/`: its number or its URL. */
  findFeed(ref: string): Feed | undefined {
    return /^[0-9]+$/.test(ref) ? this.feeds.get(Number(ref)) : this.feedByUrl(ref);
  }

  removeFeed(id: number): boolean {
    if (!this.feeds.delete(id)) return false;
    for (const item of [...this.items.values()]) if (item.feedId === id) this.items.delete(item.id);
    return true;
  }

  /** Subscribes as a client would: from a registered source, or bare; throws if refused. */
  subscribe(url: string, title: string, folder: string | undefined): Feed {
    if (this.shared.refused.has(url)) throw new Error(`could not fetch ${url}`);
    const source = this.shared.sources.get(url);
    const init: FeedInit = { url, folder };
    if (title || source?.title) init.title = title || source?.title;
    if (source?.htmlUrl) init.htmlUrl = source.htmlUrl;
    const feed = this.addFeed(init);
    for (const item of source?.items ?? []) this.addItem({ ...item, feed });
    return feed;
  }

  addItem(init: ItemInit): Item {
    const feed = this.resolveFeed(init.feed);
    const now = this.shared.now();
    const crawledMs = ms(init.crawled, now);
    let id: bigint;
    if (init.id !== undefined) {
      id = normaliseItemId(init.id);
      if (this.items.has(id)) throw new Error(`item ${id} exists`);
    } else if (this.shared.flavour === 'freshrss') {
      // FreshRSS's id is the arrival time in µs, nudged up until unique.
      id = BigInt(Math.round(crawledMs)) * 1000n;
      while (this.items.has(id)) id += 1n;
    } else {
      id = this.shared.nextItemSeq++;
    }
    if (this.shared.flavour === 'miniflux' && id >= this.shared.nextItemSeq) this.shared.nextItemSeq = id + 1n;
    const item: Item = {
      id,
      feedId: feed.id,
      title: init.title ?? `Item ${id}`,
      url: init.url ?? `${feed.htmlUrl.replace(/\/$/, '')}/items/${id}`,
      content: init.content ?? `<p>Body of item ${id}</p>`,
      author: init.author ?? '',
      published: ms(init.published, now),
      crawledUsec: this.shared.flavour === 'freshrss' ? id : BigInt(Math.round(crawledMs)) * 1000n,
      changed: crawledMs,
      read: init.read ?? false,
      starred: init.starred ?? false,
      labels: new Set(init.labels ?? []),
      tags: init.tags ?? [],
    };
    for (const label of item.labels) this.addLabel(label);
    this.items.set(id, item);
    return item;
  }

  /** Adds `count` items to a feed, published one minute apart, oldest first. */
  addItems(feed: Feed | number | string, count: number, init: Omit<ItemInit, 'feed'> = {}): Item[] {
    const start = ms(init.published, this.shared.now()) - count * 60_000;
    return Array.from({ length: count }, (_, i) =>
      this.addItem({ ...init, feed, published: start + (i + 1) * 60_000 }),
    );
  }

  item(id: bigint | number | string): ItemView | undefined {
    const item = this.items.get(normaliseItemId(id));
    if (!item) return undefined;
    return {
      id: item.id,
      decimalId: toDecimalId(item.id),
      longId: toLongId(item.id),
      feedId: item.feedId,
      title: item.title,
      published: new Date(item.published),
      read: item.read,
      starred: item.starred,
      labels: [...item.labels],
    };
  }

  markRead(ids: (bigint | number | string)[] | bigint | number | string, read = true): void {
    for (const item of this.pick(ids)) this.setRead(item, read);
  }

  markStarred(ids: (bigint | number | string)[] | bigint | number | string, starred = true): void {
    for (const item of this.pick(ids)) this.setStarred(item, starred);
  }

  setRead(item: Item, read: boolean): void {
    if (item.read !== read) item.changed = this.shared.now();
    item.read = read;
  }

  setStarred(item: Item, starred: boolean): void {
    if (item.starred !== starred) item.changed = this.shared.now();
    item.starred = starred;
  }

  unreadIn(predicate: (item: Item) => boolean): number {
    let count = 0;
    for (const item of this.items.values()) if (!item.read && predicate(item)) count++;
    return count;
  }

  /** Renames a folder, else a label (FreshRSS looks them up in that order). */
  rename(from: string, to: string): boolean {
    const folder = this.folders.indexOf(from);
    if (folder >= 0) {
      this.folders[folder] = to;
      for (const feed of this.feeds.values()) if (feed.folder === from) feed.folder = to;
      return true;
    }
    const label = this.labels.indexOf(from);
    if (label < 0) return false;
    this.labels[label] = to;
    for (const item of this.items.values()) if (item.labels.delete(from)) item.labels.add(to);
    return true;
  }

  /** Deletes a folder (its feeds go to the default one), else a label. */
  remove(name: string): boolean {
    const folder = this.folders.indexOf(name);
    if (folder >= 0) {
      if (folder > 0) this.folders.splice(folder, 1);
      for (const feed of this.feeds.values()) if (feed.folder === name) feed.folder = this.defaultFolder;
      return true;
    }
    const label = this.labels.indexOf(name);
    if (label < 0) return false;
    this.labels.splice(label, 1);
    for (const item of this.items.values()) item.labels.delete(name);
    return true;
  }

  private resolveFeed(ref: Feed | number | string): Feed {
    const feed = typeof ref === 'object' ? this.feeds.get(ref.id) : this.findFeed(String(ref));
    if (!feed) throw new Error(`no feed ${typeof ref === 'object' ? ref.id : ref} for ${this.name}`);
    return feed;
  }

  private pick(ids: (bigint | number | string)[] | bigint | number | string): Item[] {
    return (Array.isArray(ids) ? ids : [ids]).map((id) => {
      const item = this.items.get(normaliseItemId(id));
      if (!item) throw new Error(`no item ${id} for ${this.name}`);
      return item;
    });
  }
}

/**
 * Every user and the server-wide settings. The methods without a user act on the first user,
 * which is all most tests have.
 */
export class GReaderState {
  readonly users = new Map<string, UserData>();
  readonly tokens: Tokens;
  private readonly shared: Shared;

  constructor(
    readonly flavour: Flavour,
    now: () => number,
    tokenLifetimeMs: number,
  ) {
    this.shared = { flavour, now, nextFeedId: 1, nextItemSeq: 1n, sources: new Map(), refused: new Set() };
    this.tokens = new Tokens(flavour, now, tokenLifetimeMs);
  }

  addUser(name: string, password: string): UserData {
    if (this.users.has(name)) throw new Error(`user ${name} exists`);
    const user = new UserData(name, password, this.users.size + 1, this.shared);
    this.users.set(name, user);
    return user;
  }

  user(name?: string): UserData {
    const user = name === undefined ? this.users.values().next().value : this.users.get(name);
    if (!user) throw new Error(`no user ${name ?? '(none configured)'}`);
    return user;
  }

  /** What subscribing to `url` finds (title, site, items). Unregistered URLs subscribe bare. */
  addFeedSource(url: string, source: FeedSource): void {
    this.shared.sources.set(url, source);
  }

  /** Subscribing to `url` fails as an unreachable or non-feed URL does. */
  refuseFeed(url: string): void {
    this.shared.refused.add(url);
  }

  /** Invalidates the user's auth token (and T tokens), as changing the API password does. */
  revokeAuth(name?: string): void {
    this.user(name).generation++;
  }

  /** Makes every T token issued so far stale. FreshRSS only: Miniflux's T is the auth token. */
  expireEditTokens(): void {
    if (this.flavour === 'miniflux') {
      throw new Error("Miniflux's edit token is its auth token: use revokeAuth() to make it stale");
    }
    this.tokens.expireEditTokens();
  }

  changePassword(password: string, name?: string): void {
    const user = this.user(name);
    user.password = password;
    user.generation++;
  }

  addFolder(name: string): string {
    return this.user().addFolder(name);
  }
  addLabel(name: string): string {
    return this.user().addLabel(name);
  }
  addFeed(init: FeedInit): Feed {
    return this.user().addFeed(init);
  }
  addItem(init: ItemInit): Item {
    return this.user().addItem(init);
  }
  addItems(feed: Feed | number | string, count: number, init?: Omit<ItemInit, 'feed'>): Item[] {
    return this.user().addItems(feed, count, init);
  }
  item(id: bigint | number | string): ItemView | undefined {
    return this.user().item(id);
  }
  markRead(ids: (bigint | number | string)[] | bigint | number | string, read = true): void {
    this.user().markRead(ids, read);
  }
  markStarred(ids: (bigint | number | string)[] | bigint | number | string, starred = true): void {
    this.user().markStarred(ids, starred);
  }
  feeds(): Feed[] {
    return [...this.user().feeds.values()];
  }
  items(): ItemView[] {
    const user = this.user();
    return [...user.items.keys()].map((id) => user.item(id) as ItemView);
  }
}
