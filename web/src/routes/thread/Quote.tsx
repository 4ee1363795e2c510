import { useTranslation } from "react-i18next";
import { excerpt } from "./excerpt";
import type { ThreadPost } from "./post.fragment";

type Quoted = NonNullable<ThreadPost["replyTo"]>;

/** The post a reply answers: who wrote it and how it began, or that it was deleted or hidden. */
export function Quote({ post }: { post: Quoted }) {
  const { t } = useTranslation();
  const name = post.author.displayName;
  return (
    <blockquote className="quote">
      <p className="quote__author">
        <a href={`#post-${post.id}`}>{t("post.inReplyTo", { name })}</a>
      </p>
      <p className={post.deleted || !post.body ? "quote__text quote__text--deleted" : "quote__text"}>
        {post.deleted ? t("post.quoteDeleted") : post.hidden && !post.body ? t("post.quoteHidden") : excerpt(post.body)}
      </p>
    </blockquote>
  );
}
