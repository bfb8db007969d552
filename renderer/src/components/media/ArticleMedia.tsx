/** The media of the open article: a video's card, a lead image, a podcast's player. */
import type { Article } from '../../../../shared/domain.js';
import { youtubeId } from './youtube-id.js';

/** Video entries (YouTube) show their thumbnail and link; podcasts their player. */
export function ArticleMedia({ article }: { article: Article }) {
  const video = youtubeId(article.url);
  // The offline copy when there is one: the original host is not asked.
  const thumbnail = article.thumbnailUrl
    ? article.cachedImages[article.thumbnailUrl]
      ? location.origin + article.cachedImages[article.thumbnailUrl]
      : article.thumbnailUrl
    : null;
  const audio = article.enclosures.find((e) => e.type?.startsWith('audio/'));
  return (
    <>
      {video && article.url && (
        <a
          className="video-card"
          href={article.url}
          target="_blank"
          rel="noopener noreferrer"
          aria-label={`Watch ${article.title ?? 'the video'} on YouTube`}
        >
          {thumbnail && <img src={thumbnail} alt="" referrerPolicy="no-referrer" />}
          <span className="play" aria-hidden="true">
            ▶
          </span>
        </a>
      )}
      {!video && thumbnail && !article.content && !article.fullContent && (
        <img className="lead-image" src={thumbnail} alt="" referrerPolicy="no-referrer" />
      )}
      {audio && <audio className="enclosure" controls preload="none" src={audio.url} />}
    </>
  );
}
