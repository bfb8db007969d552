/** The YouTube video an article links to, if any (watch pages and youtu.be short links). */
export function youtubeId(url: string | null): string | null {
  if (!url) return null;
  const m = /(?:youtube\.com\/watch\?(?:.*&)?v=|youtu\.be\/)([\w-]{6,20})/.exec(url);
  return m ? m[1]! : null;
}
