/**
 * Bodies as the server sent them: which Content-Encoding, and inflating one in a single
 * synchronous call under the same size cap as a streamed fetch. A refresh leaves bodies
 * compressed on the thread that owns the database and inflates them on the parse worker
 * (see parse-job.ts), where the time is free; zlib's streaming glue cost the main thread
 * about 0.3 s per 1,000 feeds.
 */
import zlib from 'node:zlib';
import { corruptBodyError, tooBigError } from './fetch-error.js';

export type BodyEncoding = 'gzip' | 'br' | 'deflate';

/** The encoding named by a Content-Encoding header; null for none or one we do not decode. */
export function bodyEncodingOf(header: string | undefined): BodyEncoding | null {
  const enc = (header ?? '').trim().toLowerCase();
  if (enc === 'gzip' || enc === 'x-gzip') return 'gzip';
  if (enc === 'br') return 'br';
  if (enc === 'deflate') return 'deflate';
  return null;
}

/** "deflate" is zlib-wrapped by the RFC, but many servers send raw deflate: the first byte tells. */
export function isZlibWrapped(firstByte: number | undefined): boolean {
  return firstByte !== undefined && (firstByte & 0x0f) === 8;
}

/**
 * Output chunks big enough for the usual feed in one or two: zlib's 16 KB default made a
 * 40 KB feed inflate in three chunks joined afterwards, and brotli took a quarter longer
 * (docs/performance.md, "Refresh"). Bodies inflate to about four times their size.
 */
function outputChunkSize(compressedBytes: number): number {
  return Math.min(1024 * 1024, Math.max(64 * 1024, compressedBytes * 4));
}

/**
 * The body's bytes, inflated. Stops as soon as the output passes `maxBytes` (zlib's
 * maxOutputLength), so a compression bomb costs at most that much memory and time.
 */
export function inflateBody(bytes: Uint8Array, encoding: BodyEncoding | null, maxBytes: number, host: string): Buffer {
  if (!encoding || bytes.length === 0) {
    if (bytes.length > maxBytes) throw tooBigError(host, maxBytes);
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  const options = { maxOutputLength: maxBytes, chunkSize: outputChunkSize(bytes.length) };
  try {
    if (encoding === 'gzip') return zlib.gunzipSync(bytes, options);
    if (encoding === 'br') return zlib.brotliDecompressSync(bytes, options);
    return isZlibWrapped(bytes[0]) ? zlib.inflateSync(bytes, options) : zlib.inflateRawSync(bytes, options);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw tooBigError(host, maxBytes);
    throw corruptBodyError(host, (error as Error).message);
  }
}
