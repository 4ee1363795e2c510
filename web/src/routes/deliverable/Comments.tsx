import { useMutation } from "@apollo/client/react";
import { COMMENT_MAX } from "@pratica/rules";
import { type FormEvent, type Ref, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { fieldProblem } from "../../app/errors";
import { graphql } from "../../gql";
import { ActionProblem } from "../../ui/ActionProblem";
import { Avatar } from "../../ui/Avatar";
import { Button } from "../../ui/Button";
import { Field } from "../../ui/Field";
import { FormActions } from "../../ui/FormActions";
import { Markdown } from "../../ui/Markdown";
import { RelativeTime } from "../../ui/RelativeTime";
import type { CommentThreadView } from "./deliverable.fragment";
import "./comments.css";
import { HiddenNotice } from "../../ui/HiddenNotice";
import { ReportButton } from "../moderation/report/ReportButton";

const addDeliverableCommentMutation = graphql(`
  mutation AddDeliverableComment($input: AddDeliverableCommentInput!) {
    addDeliverableComment(input: $input) {
      id
      ...CommentThread
      section {
        id
        comments {
          id
          ...CommentThread
        }
      }
      amendment {
        id
        comments {
          id
          ...CommentThread
        }
      }
    }
  }
`);

const resolveDeliverableCommentMutation = graphql(`
  mutation ResolveDeliverableComment($commentId: ID!, $resolved: Boolean!) {
    resolveDeliverableComment(commentId: $commentId, resolved: $resolved) {
      id
      resolved
      resolvedAt
      resolvedBy {
        id
        displayName
      }
    }
  }
`);

type Target = { sectionId: string } | { amendmentId: string };

interface CommentThreadsProps {
  threads: readonly CommentThreadView[];
  target: Target;
  /** Names what the comments are about, for labels: the section's heading. */
  about: string;
  canComment: boolean;
  viewerId: string | null;
  /** Editors may resolve any thread; others only their own. */
  isEditor: boolean;
  /** A passage chosen in the section's text, waiting to be commented on. */
  quote?: string | null;
  onQuoteDone?: () => void;
  composeRef?: Ref<HTMLTextAreaElement>;
}

/**
 * Comment threads beside a section (or under an amendment): open threads first, resolved ones
 * folded away; replies, resolve and reopen. A comment may quote a passage of the section.
 */
export function CommentThreads({
  threads,
  target,
  about,
  canComment,
  viewerId,
  isEditor,
  quote = null,
  onQuoteDone,
  composeRef,
}: CommentThreadsProps) {
  const { t } = useTranslation();
  const open = threads.filter((thread) => !thread.resolved);
  const resolved = threads.filter((thread) => thread.resolved);

  return (
    <div className="comments">
      {threads.length === 0 ? <p className="comments__none">{t("comments.none")}</p> : null}
      {open.length > 0 ? (
        <ul className="comments__list">
          {open.map((thread) => (
            <li key={thread.id}>
              <Thread thread={thread} canComment={canComment} viewerId={viewerId} isEditor={isEditor} />
            </li>
          ))}
        </ul>
      ) : null}
      {resolved.length > 0 ? (
        <ul className="comments__list comments__list--resolved">
          {resolved.map((thread) => (
            <li key={thread.id}>
              <details className="comments__resolved">
                <summary>
                  {t("comments.resolvedSummary", {
                    name: thread.author.displayName,
                    count: thread.replies.length,
                  })}
                  {thread.quote ? <span className="comments__resolved-quote"> “{thread.quote}”</span> : null}
                </summary>
                <Thread thread={thread} canComment={canComment} viewerId={viewerId} isEditor={isEditor} />
              </details>
            </li>
          ))}
        </ul>
      ) : null}
      {canComment ? (
        <NewComment target={target} about={about} quote={quote} onQuoteDone={onQuoteDone} composeRef={composeRef} />
      ) : null}
    </div>
  );
}

interface ThreadProps {
  thread: CommentThreadView;
  canComment: boolean;
  viewerId: string | null;
  isEditor: boolean;
}

function Thread({ thread, canComment, viewerId, isEditor }: ThreadProps) {
  const { t } = useTranslation();
  const [replying, setReplying] = useState(false);
  const [resolve, resolveState] = useMutation(resolveDeliverableCommentMutation);
  const mayResolve = Boolean(viewerId) && (isEditor || thread.author.id === viewerId);

  return (
    <article className={`comment-thread${thread.resolved ? " comment-thread--resolved" : ""}`}>
      {thread.quote ? (
        <blockquote className="comment-thread__quote">
          <span className="visually-hidden">{t("comments.quoting")} </span>
          {thread.quote}
        </blockquote>
      ) : null}
      <Comment comment={thread} />
      {thread.replies.length > 0 ? (
        <ul className="comment-thread__replies" aria-label={t("comments.replies", { count: thread.replies.length })}>
          {thread.replies.map((reply) => (
            <li key={reply.id}>
              <Comment comment={reply} />
            </li>
          ))}
        </ul>
      ) : null}
      {thread.resolved && thread.resolvedBy ? (
        <p className="comment-thread__resolved-by">
          {t("comments.resolvedBy", { name: thread.resolvedBy.displayName })} <RelativeTime value={thread.resolvedAt} />
        </p>
      ) : null}
      {replying ? (
        <ReplyForm parentId={thread.id} author={thread.author.displayName} onClose={() => setReplying(false)} />
      ) : (
        <p className="actions comment-thread__actions">
          {canComment ? (
            <Button size="sm" variant="ghost" onClick={() => setReplying(true)}>
              {t("comments.reply")}
              <span className="visually-hidden"> ({thread.author.displayName})</span>
            </Button>
          ) : null}
          {mayResolve ? (
            <Button
              size="sm"
              variant="ghost"
              busy={resolveState.loading}
              onClick={() =>
                void resolve({ variables: { commentId: thread.id, resolved: !thread.resolved } }).catch(() => undefined)
              }
            >
              {thread.resolved ? t("comments.reopen") : t("comments.resolve")}
              <span className="visually-hidden"> ({thread.author.displayName})</span>
            </Button>
          ) : null}
        </p>
      )}
      <ActionProblem error={resolveState.error} />
    </article>
  );
}

function Comment({ comment }: { comment: CommentThreadView["replies"][number] }) {
  const { t } = useTranslation();
  return (
    <article className="comment" aria-label={t("comments.by", { name: comment.author.displayName })}>
      <p className="comment__meta">
        <Avatar name={comment.author.displayName} size="sm" />
        <span className="comment__author">{comment.author.displayName}</span>
        <RelativeTime value={comment.createdAt} />
      </p>
      {comment.moderation ? (
        <HiddenNotice notice={comment.moderation}>
          {comment.body ? <Markdown source={comment.body} className="comment__body" /> : null}
        </HiddenNotice>
      ) : (
        <Markdown source={comment.body} className="comment__body" />
      )}
      <ReportButton target={{ commentId: comment.id }} authorId={comment.author.id} what={comment.author.displayName} />
    </article>
  );
}

function ReplyForm({ parentId, author, onClose }: { parentId: string; author: string; onClose: () => void }) {
  const { t } = useTranslation();
  const [body, setBody] = useState("");
  const [error, setError] = useState<string | undefined>();
  const [add, state] = useMutation(addDeliverableCommentMutation);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (state.loading) return;
    if (!body.trim()) return setError(t("comments.bodyRule"));
    try {
      await add({ variables: { input: { parentId, body: body.trim() } } });
      setBody("");
      onClose();
    } catch (refusal) {
      setError(fieldProblem(refusal, "body"));
    }
  }

  return (
    <form className="comment-reply" noValidate onSubmit={(e) => void onSubmit(e)}>
      <Field
        multiline
        rows={2}
        autoFocus
        label={t("comments.replyTo", { name: author })}
        value={body}
        onChange={(event) => {
          setBody(event.target.value);
          setError(undefined);
        }}
        maxLength={COMMENT_MAX}
        error={error}
      />
      {state.error && !fieldProblem(state.error, "body") ? <ActionProblem error={state.error} /> : null}
      <FormActions submitLabel={t("comments.sendReply")} busy={state.loading} onCancel={onClose} size="sm" />
    </form>
  );
}

interface NewCommentProps {
  target: Target;
  about: string;
  quote: string | null;
  onQuoteDone: (() => void) | undefined;
  composeRef: Ref<HTMLTextAreaElement> | undefined;
}

function NewComment({ target, about, quote, onQuoteDone, composeRef }: NewCommentProps) {
  const { t } = useTranslation();
  const id = useId();
  const [body, setBody] = useState("");
  const [error, setError] = useState<string | undefined>();
  const [add, state] = useMutation(addDeliverableCommentMutation);
  const onSection = "sectionId" in target;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (state.loading) return;
    if (!body.trim()) return setError(t("comments.bodyRule"));
    try {
      await add({
        variables: { input: { ...target, body: body.trim(), ...(onSection && quote ? { quote } : {}) } },
      });
      setBody("");
      onQuoteDone?.();
    } catch (refusal) {
      const field = fieldProblem(refusal, "body") ?? fieldProblem(refusal, "quote");
      setError(field);
    }
  }

  return (
    <form className="comment-new" noValidate onSubmit={(e) => void onSubmit(e)} aria-labelledby={`${id}-label`}>
      <span id={`${id}-label`} className="visually-hidden">
        {t("comments.newAbout", { about })}
      </span>
      {onSection && quote ? (
        <div className="comment-new__quote">
          <p className="comment-new__quote-label">{t("comments.quoting")}</p>
          <blockquote>{quote}</blockquote>
          <Button size="sm" variant="ghost" onClick={() => onQuoteDone?.()}>
            {t("comments.removeQuote")}
          </Button>
        </div>
      ) : null}
      <Field
        ref={composeRef}
        multiline
        rows={3}
        label={onSection ? t("comments.newLabel") : t("comments.newOnAmendment")}
        value={body}
        onChange={(event) => {
          setBody(event.target.value);
          setError(undefined);
        }}
        maxLength={COMMENT_MAX}
        error={error}
      />
      {state.error && !error ? <ActionProblem error={state.error} /> : null}
      <p className="actions">
        <Button type="submit" size="sm" busy={state.loading}>
          {t("comments.send")}
        </Button>
      </p>
    </form>
  );
}
