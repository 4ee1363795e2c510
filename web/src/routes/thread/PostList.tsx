import { useTranslation } from "react-i18next";
import { PostItem } from "./PostItem";
import type { ThreadPost } from "./post.fragment";

interface PostListProps {
  threadId: string;
  posts: ThreadPost[];
  /** The reader's read marker when the page opened: a divider goes before the first later post. */
  dividerAfter: string | null;
  communitySlug: string;
  canReply: boolean;
  canReact: boolean;
  onReply: (post: ThreadPost) => void;
}

export function PostList({ threadId, posts, dividerAfter, communitySlug, canReply, canReact, onReply }: PostListProps) {
  const { t } = useTranslation();
  // Cursors are sequence numbers: compare them as numbers ("10" comes after "9").
  const firstNew =
    dividerAfter === null ? undefined : posts.find((post) => Number(post.cursor) > Number(dividerAfter))?.id;

  return (
    <ol className="post-list">
      {posts.map((post) => (
        <li key={post.id} className="post-list__item">
          {post.id === firstNew ? (
            <p className="new-divider" id="new-since-last-visit">
              <span>{t("thread.newSinceLastVisit")}</span>
            </p>
          ) : null}
          <PostItem
            threadId={threadId}
            post={post}
            communitySlug={communitySlug}
            canReply={canReply}
            canReact={canReact}
            onReply={onReply}
          />
        </li>
      ))}
    </ol>
  );
}
