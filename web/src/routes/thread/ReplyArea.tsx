import { useMutation } from "@apollo/client/react";
import { type FormEvent, type ReactNode, type Ref, useState } from "react";
import { useTranslation } from "react-i18next";
import { useLocation } from "react-router";
import { apiProblems } from "../../app/errors";
import { useNewMemberContentMessage } from "../../app/useProblemMessage";
import { graphql } from "../../gql";
import type { ThreadPageQuery } from "../../gql/graphql";
import { ActionProblem } from "../../ui/ActionProblem";
import { Button, ButtonLink } from "../../ui/Button";
import { Composer } from "../../ui/composer/Composer";
import { useDraft } from "../../ui/composer/useDraft";
import { excerpt } from "./excerpt";
import type { ThreadPost } from "./post.fragment";
import { useSendTyping } from "./useTyping";

const addPostMutation = graphql(`
  mutation AddPost($input: AddPostInput!) {
    addPost(input: $input) {
      ...ThreadPost
    }
  }
`);

type Thread = NonNullable<ThreadPageQuery["thread"]>;

interface ReplyAreaProps {
  thread: Thread;
  signedIn: boolean;
  joined: boolean;
  replyTo: ThreadPost | null;
  onCancelReply: () => void;
  onSent: (post: ThreadPost) => void;
  textareaRef: Ref<HTMLTextAreaElement>;
  /** Who is typing right now. */
  typing: string[];
}

const EMPTY_DRAFT = { body: "" };

export function ReplyArea({
  thread,
  signedIn,
  joined,
  replyTo,
  onCancelReply,
  onSent,
  textareaRef,
  typing,
}: ReplyAreaProps) {
  const { t } = useTranslation();
  const location = useLocation();

  let content: ReactNode;
  if (thread.viewerCanReply) {
    content = (
      <ReplyForm
        thread={thread}
        replyTo={replyTo}
        onCancelReply={onCancelReply}
        onSent={onSent}
        textareaRef={textareaRef}
      />
    );
  } else if (thread.locked) {
    content = (
      <div className="notice notice--locked">
        <p className="notice__title">{t("thread.lockedTitle")}</p>
        <p>{t("thread.lockedBody")}</p>
      </div>
    );
  } else if (!signedIn) {
    content = (
      <div className="notice">
        <p>{t("thread.signInToReply")}</p>
        <p className="actions">
          <ButtonLink to="/login" state={{ from: location.pathname }} size="sm">
            {t("nav.login")}
          </ButtonLink>
          <ButtonLink to="/register" state={{ from: location.pathname }} variant="secondary" size="sm">
            {t("nav.register")}
          </ButtonLink>
        </p>
      </div>
    );
  } else {
    content = (
      <div className="notice">
        <p>{joined ? t("thread.cannotReply") : t("thread.joinToReply", { name: thread.community.name })}</p>
        {joined ? null : (
          <p className="actions">
            <ButtonLink to={`/c/${thread.community.slug}`} size="sm" variant="secondary">
              {t("thread.goToCommunity", { name: thread.community.name })}
            </ButtonLink>
          </p>
        )}
      </div>
    );
  }

  return (
    <section aria-labelledby="reply-title" className="reply-area">
      {/* Focusable, for the skip link and the shortcut when there is no text box to go to. */}
      <h2 id="reply-title" className="reply-area__title" tabIndex={-1}>
        {t("thread.yourReply")}
      </h2>
      <p className="reply-area__shortcut">
        {t("thread.replyShortcutHelp")} <kbd className="kbd">{t("thread.replyShortcutKeys")}</kbd>
      </p>
      {content}
      <p className="typing">{typing.length > 0 ? <TypingText names={typing} /> : null}</p>
    </section>
  );
}

function TypingText({ names }: { names: string[] }) {
  const { t } = useTranslation();
  const [first = "", second = ""] = names;
  const text =
    names.length === 1
      ? t("thread.typingOne", { name: first })
      : names.length === 2
        ? t("thread.typingTwo", { first, second })
        : t("thread.typingMany", { first, count: names.length - 1 });
  return (
    <>
      <span className="typing__dots" aria-hidden="true">
        <span />
        <span />
        <span />
      </span>
      {text}
    </>
  );
}

interface ReplyFormProps {
  thread: Thread;
  replyTo: ThreadPost | null;
  onCancelReply: () => void;
  onSent: (post: ThreadPost) => void;
  textareaRef: Ref<HTMLTextAreaElement>;
}

function ReplyForm({ thread, replyTo, onCancelReply, onSent, textareaRef }: ReplyFormProps) {
  const { t } = useTranslation();
  const { draft, update, clear } = useDraft(`thread.${thread.id}`, EMPTY_DRAFT);
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [addPost, { loading, error, reset }] = useMutation(addPostMutation);
  const sendTyping = useSendTyping(thread.id);
  const [announcement, setAnnouncement] = useState("");
  const newMemberContent = useNewMemberContentMessage();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (loading) return;
    setFieldError(undefined);
    setAnnouncement("");
    if (!draft.body.trim()) {
      setFieldError(t("post.bodyRequired"));
      return;
    }
    const sent = draft;
    try {
      const result = await addPost({
        variables: { input: { threadId: thread.id, body: sent.body, replyToId: replyTo?.id ?? null } },
      });
      clear(sent);
      setAnnouncement(t("thread.sent"));
      if (result.data) onSent(result.data.addPost);
    } catch (e) {
      // About the text: said beside it rather than in the alert.
      const problem = apiProblems(e).find((p) => p.field === "body");
      if (problem) {
        setFieldError(newMemberContent(problem) ?? problem.message);
        reset();
      }
    }
  }

  const quote = replyTo ? (
    <div className="reply-to">
      <blockquote className="quote">
        <p className="quote__author">{t("post.replyingTo", { name: replyTo.author.displayName })}</p>
        <p className="quote__text">{replyTo.deleted ? t("post.quoteDeleted") : excerpt(replyTo.body)}</p>
      </blockquote>
      <Button variant="ghost" size="sm" onClick={onCancelReply}>
        {t("post.cancelReply")}
      </Button>
    </div>
  ) : null;

  return (
    <form className="reply-form" onSubmit={(e) => void onSubmit(e)} noValidate>
      <Composer
        label={replyTo ? t("thread.replyToLabel", { name: replyTo.author.displayName }) : t("thread.replyLabel")}
        value={draft.body}
        onChange={(body) => update({ body })}
        communitySlug={thread.community.slug}
        error={fieldError}
        onTyping={sendTyping}
        textareaRef={textareaRef}
        before={quote}
        name="body"
      />
      <ActionProblem error={error} />
      <p className="actions">
        <Button type="submit" busy={loading}>
          {t("thread.send")}
        </Button>
      </p>
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
    </form>
  );
}
