/**
 * Bytes to text for feeds: the charset comes from the BOM, then the HTTP header, then the
 * XML declaration (RFC 7303 order), else UTF-8. iconv-lite does the decoding because
 * Node's TextDecoder maps windows-1252 to ISO-8859-1 and loses smart quotes and the euro
 * sign, and knows none of the legacy Asian encodings without full ICU. The few encodings
 * iconv-lite lacks (ISO-2022-JP, a stateful one) go to TextDecoder, which Node and
 * Electron build with full ICU.
 */
import iconv from 'iconv-lite';

/** WHATWG treats these labels as windows-1252, and so do real feeds that use them. */
const LATIN1_ALIASES = new Set(['iso-8859-1', 'iso8859-1', 'latin1', 'l1', 'us-ascii', 'ascii', 'cp819', 'ibm819']);

export function charsetFromContentType(contentType: string | null | undefined): string | null {
  if (!contentType) return null;
  const m = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType);
  return m ? m[1]!.toLowerCase() : null;
}

function charsetFromBom(bytes: Uint8Array): { charset: string; skip: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { charset: 'utf-8', skip: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { charset: 'utf-16le', skip: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { charset: 'utf-16be', skip: 2 };
  return null;
}

/**
 * UTF-16 without a BOM: a feed starts with "<?" (or at least "<"), so its first two
 * characters give its byte order (XML 1.0, appendix F). No ASCII-compatible body starts
 * with a zero byte, so this is safe to trust over the header, which such servers get
 * wrong (they send "utf-16", which says nothing of the order, or "utf-8").
 */
function utf16FromFirstBytes(bytes: Uint8Array): string | null {
  if (bytes.length < 4) return null;
  if (bytes[0] === 0x00 && bytes[1] === 0x3c && bytes[2] === 0x00 && bytes[3] !== 0x00) return 'utf-16be';
  if (bytes[0] === 0x3c && bytes[1] === 0x00 && bytes[2] !== 0x00 && bytes[3] === 0x00) return 'utf-16le';
  return null;
}

/** Reads `encoding="..."` from an XML declaration in the first bytes (ASCII-compatible encodings). */
function charsetFromXmlDeclaration(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 1024)).toString('latin1');
  const m = /<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/i.exec(head);
  return m ? m[1]!.toLowerCase() : null;
}

function normaliseLabel(label: string): string {
  const lower = label.toLowerCase();
  if (LATIN1_ALIASES.has(lower)) return 'windows-1252';
  // A UTF-16 declaration read from ASCII-looking bytes is a lie; those bytes are UTF-8.
  if (lower === 'utf-16' || lower === 'utf16') return 'utf-8';
  return lower;
}

export interface Decoded {
  text: string;
  /** The charset actually used, for diagnostics. */
  charset: string;
}

/**
 * Decodes a feed body. `contentType` is the HTTP Content-Type header, if any. Unknown
 * charset labels fall back to UTF-8 rather than failing the feed.
 */
export function decodeFeedBytes(bytes: Uint8Array, contentType?: string | null): Decoded {
  const bom = charsetFromBom(bytes);
  if (bom) {
    return { text: iconv.decode(Buffer.from(bytes.subarray(bom.skip)), bom.charset), charset: bom.charset };
  }
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const utf16 = utf16FromFirstBytes(bytes);
  if (utf16) return { text: iconv.decode(buffer, utf16), charset: utf16 };
  const declared = charsetFromContentType(contentType) ?? charsetFromXmlDeclaration(bytes);
  const charset = declared ? normaliseLabel(declared) : 'utf-8';
  if (charset === 'utf-8') return { text: buffer.toString('utf8'), charset };
  if (iconv.encodingExists(charset)) return { text: iconv.decode(buffer, charset), charset };
  const platform = platformDecoder(charset);
  if (platform) return { text: platform.decode(buffer), charset: platform.encoding };
  return { text: buffer.toString('utf8'), charset: 'utf-8' };
}

/** TextDecoder for a label iconv-lite does not know, or null when neither knows it. */
function platformDecoder(label: string): TextDecoder | null {
  try {
    return new TextDecoder(label);
  } catch {
    return null;
  }
}
