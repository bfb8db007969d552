/**
 * Marking what a search found: in a plain string (a list row's title or snippet, split
 * into parts for React to render) and in an article's sanitised body (text nodes wrapped
 * in <mark class="search-hit">, tags and attributes untouched). Words are found as the
 * full-text index finds them (shared/search-match.ts), so "encrypt" marks "encryption"
 * and "hard drive" marks the two words together. Which terms to pass for which place comes
 * from highlightTerms (shared/search-syntax.ts).
 */
import { findMatches, type MatchTerm } from '../../shared/search-match.js';

/** The class of every mark this module adds (the article stylesheet colours it). */
export const SEARCH_HIT_CLASS = 'search-hit';

export interface TextPart {
  text: string;
  match: boolean;
}

/** The text cut into matched and unmatched parts, in order; one unmatched part when nothing matches. */
export function splitHighlights(text: string, terms: readonly MatchTerm[]): TextPart[] {
  const parts: TextPart[] = [];
  let at = 0;
  for (const range of findMatches(text, terms)) {
    if (range.start > at) parts.push({ text: text.slice(at, range.start), match: false });
    parts.push({ text: text.slice(range.start, range.end), match: true });
    at = range.end;
  }
  if (at < text.length || parts.length === 0) parts.push({ text: text.slice(at), match: false });
  return parts;
}

/** Elements whose text is not read as prose: never marked inside. */
const SKIPPED = new Set(['SCRIPT', 'STYLE', 'TEXTAREA', 'TITLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'MATH', 'MARK']);

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;
const DOCUMENT_NODE = 9;

/** The text nodes under `node`, in document order, outside skipped elements. */
function textNodes(node: Node, out: Text[]): Text[] {
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === TEXT_NODE) out.push(child as Text);
    else if (child.nodeType === ELEMENT_NODE && !SKIPPED.has((child as Element).nodeName.toUpperCase()))
      textNodes(child, out);
  }
  return out;
}

/**
 * Wraps each match in the text under `root` (an element, or a whole document) in a
 * <mark class="search-hit">. A match must lie within one text node: a phrase split by a
 * tag ("hard <b>drive</b>") is not marked. Returns the marks added, first to last, so the
 * caller can scroll to the first.
 */
export function highlightElement(root: Node, terms: readonly MatchTerm[]): HTMLElement[] {
  const doc = root.nodeType === DOCUMENT_NODE ? (root as Document) : root.ownerDocument;
  if (!doc || terms.length === 0) return [];
  const marks: HTMLElement[] = [];
  for (const node of textNodes(root, [])) {
    const text = node.data;
    const ranges = findMatches(text, terms);
    if (!ranges.length) continue;
    const pieces = doc.createDocumentFragment();
    let at = 0;
    for (const range of ranges) {
      if (range.start > at) pieces.append(doc.createTextNode(text.slice(at, range.start)));
      const mark = doc.createElement('mark');
      mark.className = SEARCH_HIT_CLASS;
      mark.textContent = text.slice(range.start, range.end);
      pieces.append(mark);
      marks.push(mark);
      at = range.end;
    }
    if (at < text.length) pieces.append(doc.createTextNode(text.slice(at)));
    node.replaceWith(pieces);
  }
  return marks;
}

/** Undoes highlightElement: every search mark under `root` back to plain text. */
export function clearHighlights(root: ParentNode): void {
  for (const mark of Array.from(root.querySelectorAll(`mark.${SEARCH_HIT_CLASS}`))) {
    const parent = mark.parentNode;
    mark.replaceWith(...Array.from(mark.childNodes));
    parent?.normalize();
  }
}
