import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { ThreadSummaryFragment } from "../../gql/graphql";
import { Badge } from "../../ui/Badge";
import { RelativeTime } from "../../ui/RelativeTime";

interface ThreadRowProps {
  thread: ThreadSummaryFragment;
  /** Signed-in readers have a read marker, so "N unread" means something. */
  showUnread: boolean;
  activeTag: string | null;
  /** Filter by this tag; null clears the filter (pressing the active tag again). */
  onTag: (tag: string | null) => void;
}

export function ThreadRow({ thread, showUnread, activeTag, onTag }: ThreadRowProps) {
  const { t, i18n } = useTranslation();
  const unread = showUnread ? thread.unreadCount : 0;
  const replies = new Intl.NumberFormat(i18n.language).format(thread.replyCount);

  return (
    <li className={`thread-row${unread > 0 ? " thread-row--unread" : ""}`}>
      <div className="thread-row__main">
        <p className="thread-row__flags">
          {thread.pinned ? (
            <Badge tone="accent">
              <PinIcon /> {t("threads.pinned")}
            </Badge>
          ) : null}
          {thread.locked ? (
            <Badge tone="warning">
              <LockIcon /> {t("threads.locked")}
            </Badge>
          ) : null}
        </p>
        <h3 className="thread-row__title">
          <Link to={`/t/${thread.id}`}>
            {thread.title ||
              (thread.moderation
                ? t("hidden.notice", {
                    who: t(`hidden.${thread.moderation.hiddenBy}`),
                    reason: t(`hidden.reason.${thread.moderation.reason}`),
                  })
                : "")}
          </Link>
          {unread > 0 ? (
            <>
              {" "}
              <Badge tone="success">{t("threads.unread", { count: unread })}</Badge>
            </>
          ) : null}
        </h3>
        <p className="thread-row__meta">
          {t("threads.by", { name: thread.author.displayName })} · {t("threads.lastActivity")}{" "}
          <RelativeTime value={thread.lastActivityAt} />
        </p>
        {thread.tags.length > 0 ? (
          <ul className="tag-list" aria-label={t("threads.tags")}>
            {thread.tags.map((tag) => (
              <li key={tag}>
                <button
                  type="button"
                  className="tag"
                  aria-pressed={tag === activeTag}
                  onClick={() => onTag(tag === activeTag ? null : tag)}
                  title={t("threads.filterBy", { tag })}
                >
                  <span className="visually-hidden">{t("threads.tagPrefix")} </span>#{tag}
                </button>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      <p className="thread-row__replies">
        <span className="thread-row__count">{replies}</span>{" "}
        <span className="thread-row__count-label">{t("threads.replies", { count: thread.replyCount })}</span>
      </p>
    </li>
  );
}

function PinIcon() {
  return (
    <svg className="icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path d="M10.5 1.5 14.5 5.5 12 6.5 9.5 9l.5 3.5-1.5 1.5-2.5-3.5L2 14l-.5-.5L5 9.5 1.5 7 3 5.5l3.5.5L9 3.5z" />
    </svg>
  );
}

function LockIcon() {
  return (
    <svg className="icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path d="M4.5 7V5a3.5 3.5 0 0 1 7 0v2H13v7H3V7zm1.5 0h4V5a2 2 0 0 0-4 0z" />
    </svg>
  );
}
