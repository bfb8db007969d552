/**
 * The offline image cache's files are served on the app's own origin at
 * `/cache/images/<sha256 of the file>`, by the Electron protocol handler and by browser
 * mode's server alike (see service.cachedImageFile).
 */
export const CACHED_IMAGE_PREFIX = '/cache/images/';

export function cachedImageAddress(hash: string): string {
  return CACHED_IMAGE_PREFIX + hash;
}
