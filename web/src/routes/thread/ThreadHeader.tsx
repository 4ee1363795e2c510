import { useMutation } from "@apollo/client/react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { graphql } from "../../gql";
import type { ThreadPageQuery } from "../../gql/graphql";
import { ActionProblem } from "../../ui/ActionProblem";
import { Badge } from "../../ui/Badge";
import { Button } from "../../ui/Button";
import { Breadcrumb } from "../../ui/PageHeader";
import { RelativeTime } from "../../ui/RelativeTime";
import { ReportButton } from "../moderation/report/ReportButton";
import { SkipToReply } from "./SkipToReply";

const setThreadPinnedMutation = graphql(`
  mutation SetThreadPinned($threadId: ID!, $pinned: Boolean!) {
    setThreadPinned(threadId: $threadId, pinned: $pinned) {
      id
      pinned
    }
  }
`);

const setThreadLockedMutation = graphql(`
  mutation SetThreadLocked($threadId: ID!, $locked: Boolean!) {
    setThreadLocked(threadId: $threadId, locked: $locked) {
      id
      locked
      viewerCanReply
    }
  }
`);

type Thread = NonNullable<ThreadPageQuery["thread"]>;

interface ThreadHeaderProps {
  thread: Thread;
  /** Goes to the reply box (or to what stands in for it). */
  onSkipToReply: () => void;
}

export function ThreadHeader({ thread, onSkipToReply }: ThreadHeaderProps) {
  const { t } = useTranslation();
  const [announcement, setAnnouncement] = useState("");
  const [setPinned, pinState] = useMutation(setThreadPinnedMutation);
  const [setLocked, lockState] = useMutation(setThreadLockedMutation);
  const community = thread.community;

  async function togglePinned() {
    lockState.reset();
    const pinned = !thread.pinned;
    await setPinned({ variables: { threadId: thread.id, pinned } });
    setAnnouncement(pinned ? t("thread.pinnedNow") : t("thread.unpinnedNow"));
  }

  async function toggleLocked() {
    pinState.reset();
    const locked = !thread.locked;
    await setLocked({ variables: { threadId: thread.id, locked } });
    setAnnouncement(locked ? t("thread.lockedNow") : t("thread.unlockedNow"));
  }

  return (
    <header className="thread__header">
      <div className="container">
        <Breadcrumb
          crumbs={[
            { to: "/", label: t("nav.communities") },
            { to: `/c/${community.slug}`, label: community.name },
          ]}
        />
        <h1 id="thread-title" className="thread__title">
          {/* A hidden thread's title is empty for those who may not read it: say who hid it instead. */}
          {thread.title || (thread.moderation ? t(`hidden.${thread.moderation.hiddenBy}`) : "")}
        </h1>
        <p className="thread__meta">
          {thread.pinned ? <Badge tone="accent">{t("threads.pinned")}</Badge> : null}
          {thread.locked ? <Badge tone="warning">{t("threads.locked")}</Badge> : null}
          <span>
            {t("thread.startedBy", { name: thread.author.displayName })} · <RelativeTime value={thread.createdAt} />
          </span>
        </p>
        <ReportButton target={{ threadId: thread.id }} authorId={thread.author.id} what={thread.title} />
        {thread.tags.length > 0 ? (
          <ul className="tag-list" aria-label={t("threads.tags")}>
            {thread.tags.map((tag) => (
              <li key={tag}>
                <Link className="tag" to={`/c/${community.slug}?tag=${encodeURIComponent(tag)}`}>
                  <span className="visually-hidden">{t("threads.tagPrefix")} </span>#{tag}
                </Link>
              </li>
            ))}
          </ul>
        ) : null}
        <SkipToReply onGo={onSkipToReply} />
        {thread.viewerCanModerate ? (
          <div className="thread__moderation">
            <p className="actions">
              <Button
                variant="secondary"
                size="sm"
                busy={pinState.loading}
                onClick={() => void togglePinned().catch(() => undefined)}
              >
                {thread.pinned ? t("thread.unpin") : t("thread.pin")}
              </Button>
              <Button
                variant="secondary"
                size="sm"
                busy={lockState.loading}
                onClick={() => void toggleLocked().catch(() => undefined)}
              >
                {thread.locked ? t("thread.unlock") : t("thread.lock")}
              </Button>
            </p>
            <ActionProblem error={pinState.error ?? lockState.error} />
            <p className="visually-hidden" role="status">
              {announcement}
            </p>
          </div>
        ) : null}
      </div>
    </header>
  );
}
