import { useMutation } from "@apollo/client/react";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { fieldProblem } from "../../app/errors";
import { graphql } from "../../gql";
import { ActionProblem } from "../../ui/ActionProblem";
import { Button } from "../../ui/Button";
import { Composer } from "../../ui/composer/Composer";
import type { ThreadPost } from "./post.fragment";

const editPostMutation = graphql(`
  mutation EditPost($input: EditPostInput!) {
    editPost(input: $input) {
      ...ThreadPost
    }
  }
`);

interface EditPostFormProps {
  post: ThreadPost;
  communitySlug: string;
  onDone: () => void;
}

/** A post's text, edited in place; the api keeps the earlier text as a revision. */
export function EditPostForm({ post, communitySlug, onDone }: EditPostFormProps) {
  const { t } = useTranslation();
  const [body, setBody] = useState(post.body);
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [editPost, { loading, error, reset }] = useMutation(editPostMutation);
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  useEffect(() => textareaRef.current?.focus(), []);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFieldError(undefined);
    if (!body.trim()) {
      setFieldError(t("post.bodyRequired"));
      return;
    }
    try {
      await editPost({ variables: { input: { postId: post.id, body } } });
      onDone();
    } catch (e) {
      // About the text: said beside it rather than in the alert.
      const message = fieldProblem(e, "body");
      if (message) {
        setFieldError(message);
        reset();
      }
    }
  }

  return (
    <form className="post__edit" onSubmit={(e) => void onSubmit(e)} noValidate>
      <Composer
        label={t("post.editLabel")}
        value={body}
        onChange={setBody}
        communitySlug={communitySlug}
        error={fieldError}
        rows={4}
        textareaRef={textareaRef}
      />
      <ActionProblem error={error} />
      <p className="actions">
        <Button type="submit" size="sm" busy={loading}>
          {t("post.save")}
        </Button>
        <Button variant="ghost" size="sm" onClick={onDone}>
          {t("common.cancel")}
        </Button>
      </p>
    </form>
  );
}
