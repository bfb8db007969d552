/**
 * The full article for feeds that publish only a summary: fetch the page, let Mozilla
 * Readability (the engine of Firefox's Reader View) find the article in it, and sanitise
 * the result with DOMPurify before it is stored. jsdom builds the page's DOM without
 * running its scripts or loading anything it references; the page's bytes go to jsdom
 * as they are, so its own charset sniffing (BOM, header, <meta charset>) applies. The
 * libraries are loaded on first use: most sessions never need them.
 */
import type { AddressGuard } from '../feeds/address-guard.js';
import { fetchFeed, FetchError, type FetchOptions } from '../feeds/fetch.js';
import { loadPurifier } from '../feeds/sanitize-html.js';

const ACCEPT_PAGES = 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5';

/** Pages are bigger than feeds, but a reader view of 8 MB of HTML is not an article. */
const MAX_PAGE_BYTES = 8 * 1024 * 1024;

export class NoArticleError extends Error {
  constructor(url: string) {
    super(`No article could be found on ${url}`);
    this.name = 'NoArticleError';
  }
}

export interface FullArticle {
  html: string;
  title: string | null;
  /** Where the page was found, after redirects: relative links resolve against it. */
  url: string;
}

type Libraries = {
  JSDOM: typeof import('jsdom').JSDOM;
  Readability: typeof import('@mozilla/readability').Readability;
};
let libraries: Promise<Libraries> | null = null;

function load(): Promise<Libraries> {
  libraries ??= Promise.all([import('jsdom'), import('@mozilla/readability')]).then(([jsdom, readability]) => ({
    JSDOM: jsdom.JSDOM,
    Readability: readability.Readability,
  }));
  return libraries;
}

/** Extracts the article from a page already fetched. Pure apart from the libraries. */
export async function extractArticle(body: Buffer, contentType: string | null, url: string): Promise<FullArticle> {
  const [{ JSDOM, Readability }, sanitize] = await Promise.all([load(), loadPurifier()]);
  const type = contentType && /html/i.test(contentType) ? contentType : 'text/html';
  const dom = new JSDOM(body, { url, contentType: type });
  try {
    const article = new Readability(dom.window.document, { charThreshold: 200 }).parse();
    if (!article?.content) throw new NoArticleError(url);
    return { html: sanitize(article.content), title: article.title ?? null, url };
  } finally {
    dom.window.close();
  }
}

/** Fetches and extracts the article at `url`, under the private-network rule of its feed. */
export async function fetchFullArticle(
  url: string,
  options: FetchOptions,
  guard: AddressGuard,
  signal?: AbortSignal,
): Promise<FullArticle> {
  const page = await fetchFeed(
    { url, accept: ACCEPT_PAGES, signal, guard },
    { ...options, maxBytes: Math.min(options.maxBytes, MAX_PAGE_BYTES) },
  );
  if (page.kind !== 'ok') throw new FetchError('http', `${url} answered 304 to a request that had no validators`);
  return extractArticle(page.body, page.contentType, page.finalUrl);
}
