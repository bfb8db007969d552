/** The media of the open article: a YouTube video's card, an episode's or a video's player, a lead image. */
import type { Article } from '../../../../shared/domain.js';
import { t } from '../../i18n/translate.js';
import { EpisodePlayer } from './EpisodePlayer.js';
import { shownImage, trackOf } from './track.js';
import { YouTubeCard } from './YouTubeCard.js';
import { youtubeId } from './youtube-id.js';
import '../../styles/player.css';

export function ArticleMedia({ article }: { article: Article }) {
  const video = youtubeId(article.url);
  // The offline copy when there is one: the original host is not asked.
  const thumbnail = shownImage(article, article.thumbnailUrl, location.origin);
  const track = trackOf(article, location.origin);
  return (
    <>
      {video && article.url && (
        // Keyed by the article: the next video starts as a thumbnail again, not playing.
        <YouTubeCard
          key={article.id}
          videoId={video}
          url={article.url}
          title={article.title ?? t('common.untitled')}
          thumbnail={thumbnail}
        />
      )}
      {!video && track && <EpisodePlayer key={article.id} track={track} />}
      {!video && !track && thumbnail && !article.content && !article.fullContent && (
        <img className="lead-image" src={thumbnail} alt="" referrerPolicy="no-referrer" />
      )}
    </>
  );
}
