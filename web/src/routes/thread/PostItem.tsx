import { useMutation } from "@apollo/client/react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useViewer } from "../../app/session";
import { graphql } from "../../gql";
import { ActionProblem } from "../../ui/ActionProblem";
import { Avatar } from "../../ui/Avatar";
import { Button } from "../../ui/Button";
import { formatDateTime } from "../../ui/format";
import { HiddenNotice, type ModerationNoticeData } from "../../ui/HiddenNotice";
import { Markdown } from "../../ui/Markdown";
import { RelativeTime } from "../../ui/RelativeTime";
import { ReportButton } from "../moderation/report/ReportButton";
import { DeletePostDialog } from "./DeletePostDialog";
import { EditPostForm } from "./EditPostForm";
import type { ThreadPost } from "./post.fragment";
import { Quote } from "./Quote";
import { Reactions } from "./Reactions";
import { Revisions } from "./Revisions";

const deletePostMutation = graphql(`
  mutation DeletePost($postId: ID!, $reason: String) {
    deletePost(postId: $postId, reason: $reason) {
      ...ThreadPost
    }
  }
`);

interface PostItemProps {
  threadId: string;
  post: ThreadPost;
  communitySlug: string;
  canReply: boolean;
  canReact: boolean;
  onReply: (post: ThreadPost) => void;
}

export function PostItem({ threadId, post, communitySlug, canReply, canReact, onReply }: PostItemProps) {
  const { t, i18n } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [showRevisions, setShowRevisions] = useState(false);
  const [actionError, setActionError] = useState<unknown>(null);
  const [deletePost, deleteState] = useMutation(deletePostMutation);
  const { viewer } = useViewer();
  const name = post.author.displayName;
  const domId = `post-${post.id}`;
  // Someone else's post: a moderator's deletion, which asks for the reason told to its author.
  const deletingOthers = viewer !== null && viewer.id !== post.author.id;
  const [reasonError, setReasonError] = useState<unknown>(null);

  async function onDelete(reason?: string) {
    setActionError(null);
    setReasonError(null);
    try {
      await deletePost({ variables: { postId: post.id, reason: reason ?? null } });
      setConfirming(false);
    } catch (error) {
      if (reason === undefined) {
        setActionError(error);
        setConfirming(false);
      } else setReasonError(error);
    }
  }

  const notice = post.moderation as ModerationNoticeData | null;

  return (
    <article
      id={domId}
      className={`post${post.deleted ? " post--deleted" : ""}`}
      aria-labelledby={`${domId}-by`}
      tabIndex={-1}
    >
      <header className="post__header">
        <Avatar name={name} size="sm" />
        <p className="post__byline">
          <span className="post__author" id={`${domId}-by`}>
            <span className="visually-hidden">{t("post.by")} </span>
            {name}
          </span>{" "}
          <a className="post__time" href={`#${domId}`}>
            <RelativeTime value={post.createdAt} />
          </a>
          {post.edited && !post.deleted ? (
            <>
              {" · "}
              <button
                type="button"
                className="post__edited"
                aria-expanded={showRevisions}
                aria-controls={`${domId}-revisions`}
                title={formatDateTime(post.editedAt, i18n.language)}
                onClick={() => setShowRevisions((v) => !v)}
              >
                {t("post.edited")}
                <span className="visually-hidden"> — {t("post.showRevisions")}</span>
              </button>
            </>
          ) : null}
        </p>
      </header>

      {post.replyTo ? <Quote post={post.replyTo} /> : null}

      {post.deleted ? (
        <p className="post__deleted">
          {post.deletedReason ? t("hidden.deletedBy", { reason: post.deletedReason }) : t("post.deleted")}
        </p>
      ) : editing ? (
        <EditPostForm post={post} communitySlug={communitySlug} onDone={() => setEditing(false)} />
      ) : notice ? (
        // Hidden: the notice for everyone; the text too for its author and the moderators.
        <HiddenNotice notice={notice}>
          {post.body ? <Markdown source={post.body} className="post__body" headingLevel={3} /> : null}
        </HiddenNotice>
      ) : (
        // Under the replies' h2.
        <Markdown source={post.body} className="post__body" headingLevel={3} />
      )}

      {showRevisions && post.edited && !post.deleted ? (
        // Keyed by the edit time: edited again while open, the list is asked again.
        <Revisions key={String(post.editedAt)} id={`${domId}-revisions`} threadId={threadId} post={post} />
      ) : null}

      {post.deleted || editing ? null : (
        <footer className="post__footer">
          <Reactions post={post} canReact={canReact} />
          <div className="post__actions">
            {confirming && !deletingOthers ? (
              <>
                <Button variant="danger" size="sm" busy={deleteState.loading} onClick={() => void onDelete()}>
                  {t("post.confirmDelete")}
                </Button>
                <Button variant="ghost" size="sm" onClick={() => setConfirming(false)}>
                  {t("common.cancel")}
                </Button>
              </>
            ) : (
              <>
                {canReply ? (
                  <Button variant="ghost" size="sm" onClick={() => onReply(post)}>
                    {t("post.reply")}
                    <span className="visually-hidden"> ({name})</span>
                  </Button>
                ) : null}
                {post.viewerCanEdit ? (
                  <Button variant="ghost" size="sm" onClick={() => setEditing(true)}>
                    {t("post.edit")}
                  </Button>
                ) : null}
                {post.viewerCanDelete ? (
                  <Button variant="ghost" size="sm" onClick={() => setConfirming(true)}>
                    {t("post.delete")}
                  </Button>
                ) : null}
                <ReportButton target={{ postId: post.id }} authorId={post.author.id} what={name} />
              </>
            )}
          </div>
        </footer>
      )}
      {deletingOthers ? (
        <DeletePostDialog
          open={confirming}
          busy={deleteState.loading}
          error={reasonError}
          onDelete={(reason) => void onDelete(reason)}
          onClose={() => {
            setConfirming(false);
            setReasonError(null);
          }}
        />
      ) : null}
      <ActionProblem error={actionError} />
    </article>
  );
}
