/**
 * Makes the image cache's rows and files agree again. A file and its row are written in
 * one synchronous step, so they only drift apart when the database is swapped under the
 * files: a backup restored after some of its images were evicted lists files that are
 * gone (broken images offline), and a fresh start or a restore leaves files no row names
 * (disk used for nothing). Rows without a file are forgotten and their articles queued, so
 * the images are fetched again; files without a row are deleted.
 */
import { rmSync } from 'node:fs';
import type { ArticleId } from '../../../shared/domain.js';
import type { Db } from '../store/db.js';
import { enqueueOffline, forgetImageFiles, imageFileHashes } from '../store/images.js';
import { deleteImageFile, listImageFiles } from './image-files.js';

export interface ImageCacheCheck {
  /** Rows whose file was gone. */
  forgotten: number;
  /** Articles queued to fetch their images again. */
  requeued: ArticleId[];
  /** Files (and leftover temporary files) no row named, deleted. */
  removed: number;
}

export function reconcileImageCache(db: Db, dataDir: string, now: number): ImageCacheCheck {
  const { hashes, leftovers } = listImageFiles(dataDir);
  const onDisk = new Set(hashes);
  const known = imageFileHashes(db);
  const missing = known.filter((hash) => !onDisk.has(hash));
  const requeued = missing.length ? forgetImageFiles(db, missing) : [];
  enqueueOffline(db, requeued, now);
  const named = new Set(known);
  let removed = 0;
  for (const hash of hashes) {
    if (named.has(hash)) continue;
    deleteImageFile(dataDir, hash);
    removed++;
  }
  for (const path of leftovers) {
    rmSync(path, { force: true });
    removed++;
  }
  return { forgotten: missing.length, requeued, removed };
}
