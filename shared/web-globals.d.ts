/**
 * The few web-standard globals `shared/` may use. They exist both in Node and in the
 * browser; declaring them here (instead of pulling in the DOM or Node typings) keeps the
 * compiler refusing anything else from either side.
 */
declare class URLSearchParams {
  constructor(init?: string | Record<string, string> | [string, string][]);
  append(name: string, value: string): void;
  get(name: string): string | null;
  entries(): IterableIterator<[string, string]>;
  toString(): string;
}

declare class URL {
  constructor(url: string, base?: string | URL);
  href: string;
  protocol: string;
  hostname: string;
  host: string;
  port: string;
  pathname: string;
  search: string;
  hash: string;
  origin: string;
  readonly searchParams: URLSearchParams;
  toString(): string;
}
