/**
 * The error for a body that is not a feed. A file of its own so that the thread that
 * writes can tell it apart without loading the parser (feedsmith, fast-xml-parser and
 * iconv-lite: a third of the code a command would load), which runs on the parse worker.
 */
export class NotAFeedError extends Error {
  constructor(detail: string) {
    super(`This is not an RSS, Atom or JSON feed (${detail})`);
    this.name = 'NotAFeedError';
  }
}
