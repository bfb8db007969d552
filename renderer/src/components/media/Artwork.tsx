/** An episode's artwork, or a podcast icon in its place when there is none or it fails to load. */
import { useState } from 'react';
import { Podcast } from 'lucide-react';

export function Artwork({ src, className }: { src: string | null; className: string }) {
  // Per address: the next episode's artwork gets its own chance.
  const [failed, setFailed] = useState<string | null>(null);
  return (
    <span className={`artwork ${className}`}>
      {src && failed !== src ? (
        <img src={src} alt="" referrerPolicy="no-referrer" onError={() => setFailed(src)} />
      ) : (
        <Podcast aria-hidden="true" className="icon-svg" />
      )}
    </span>
  );
}
