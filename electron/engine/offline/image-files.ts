/**
 * The image cache on disk: `<data dir>/images/ab/abcdef…`, named by the sha256 of the
 * bytes. Written to a temporary name and renamed, so a crash never leaves half a file
 * under a real name.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export const IMAGES_DIR = 'images';

/** Image types the cache keeps and serves; anything else is not an image to show. */
const IMAGE_TYPES = new Set([
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'image/avif',
  'image/svg+xml',
  'image/bmp',
  'image/x-icon',
  'image/vnd.microsoft.icon',
]);

/** The content type to keep, from the server's header or the first bytes; null when not an image. */
export function imageTypeOf(contentType: string | null, bytes: Buffer): string | null {
  const declared = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (IMAGE_TYPES.has(declared)) return declared;
  // Servers often send octet-stream: trust the file's own signature instead.
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.subarray(0, 4).toString('latin1') === 'GIF8') return 'image/gif';
  if (bytes.subarray(0, 4).toString('latin1') === 'RIFF' && bytes.subarray(8, 12).toString('latin1') === 'WEBP')
    return 'image/webp';
  return null;
}

export function hashOf(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function imagePath(dataDir: string, hash: string): string {
  if (!/^[0-9a-f]{64}$/.test(hash)) throw new Error(`Not an image cache key: ${hash}`);
  return join(dataDir, IMAGES_DIR, hash.slice(0, 2), hash);
}

export function writeImageFile(dataDir: string, hash: string, bytes: Buffer): void {
  const path = imagePath(dataDir, hash);
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${randomBytes(4).toString('hex')}.part`;
  writeFileSync(temporary, bytes);
  renameSync(temporary, path);
}

export function deleteImageFile(dataDir: string, hash: string): void {
  rmSync(imagePath(dataDir, hash), { force: true });
}

/**
 * What the cache directory holds: the hashes of its files, and its leftover temporary
 * files (a crash between writing and renaming; writing is synchronous, so none is ever
 * in progress while this runs).
 */
export function listImageFiles(dataDir: string): { hashes: string[]; leftovers: string[] } {
  const hashes: string[] = [];
  const leftovers: string[] = [];
  const root = join(dataDir, IMAGES_DIR);
  let shards: string[];
  try {
    shards = readdirSync(root);
  } catch {
    return { hashes, leftovers };
  }
  for (const shard of shards) {
    let names: string[];
    try {
      names = readdirSync(join(root, shard));
    } catch {
      continue;
    }
    for (const name of names) {
      if (/^[0-9a-f]{64}$/.test(name) && name.startsWith(shard)) hashes.push(name);
      else if (name.endsWith('.part')) leftovers.push(join(root, shard, name));
    }
  }
  return { hashes, leftovers };
}
