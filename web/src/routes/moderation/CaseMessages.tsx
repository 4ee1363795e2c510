import { useMutation } from "@apollo/client/react";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { useFormProblems } from "../../app/useProblemMessage";
import { graphql } from "../../gql";
import { Alert } from "../../ui/Alert";
import { Button } from "../../ui/Button";
import { Field } from "../../ui/Field";
import { RelativeTime } from "../../ui/RelativeTime";
import type { CaseDetail } from "./caseDetail.query";
import { MODERATION_TEXT_MAX } from "./reasons";

const sendCaseMessageMutation = graphql(`
  mutation SendCaseMessage($input: CaseMessageInput!) {
    sendCaseMessage(input: $input) {
      id
      body
      createdAt
      author {
        id
        displayName
      }
    }
  }
`);

/** The private conversation between the author and the moderators about the case. */
export function CaseMessages({ moderated, viewerId }: { moderated: CaseDetail; viewerId: string }) {
  const { t } = useTranslation();
  const [body, setBody] = useState("");
  const [problem, setProblem] = useState<string | undefined>();
  const [general, setGeneral] = useState<string | null>(null);
  const [send, state] = useMutation(sendCaseMessageMutation, { refetchQueries: ["ModerationCase"] });
  const formProblems = useFormProblems();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (state.loading) return;
    setGeneral(null);
    const text = body.trim();
    if (!text || text.length > MODERATION_TEXT_MAX) {
      setProblem(t("moderation.messages.rule", { max: MODERATION_TEXT_MAX }));
      return;
    }
    try {
      await send({ variables: { input: { caseId: moderated.id, body: text } } });
      setBody("");
    } catch (error) {
      const split = formProblems(error);
      setProblem(split.fields.body);
      setGeneral(split.general);
    }
  }

  return (
    <section aria-labelledby="case-messages" className="case-section">
      <h2 id="case-messages">{t("moderation.messages.title")}</h2>
      <p className="section__intro">{t("moderation.messages.intro")}</p>
      {moderated.messages.length === 0 ? (
        <p className="muted">{t("moderation.messages.none")}</p>
      ) : (
        <ol className="case-messages" aria-live="polite">
          {moderated.messages.map((message) => (
            <li
              key={message.id}
              className={message.author.id === viewerId ? "case-message case-message--own" : "case-message"}
            >
              <p className="case-message__head">
                <strong>
                  {message.author.id === viewerId ? t("moderation.messages.you") : message.author.displayName}
                </strong>
                {" · "}
                <RelativeTime value={message.createdAt} />
              </p>
              <p className="case-message__body">{message.body}</p>
            </li>
          ))}
        </ol>
      )}
      {moderated.viewerCanMessage ? (
        <form noValidate onSubmit={(event) => void onSubmit(event)}>
          <Field
            multiline
            rows={3}
            label={t("moderation.messages.label")}
            value={body}
            maxLength={MODERATION_TEXT_MAX}
            required
            error={problem}
            onChange={(event) => {
              setBody(event.target.value);
              setProblem(undefined);
            }}
          />
          {general ? <Alert>{general}</Alert> : null}
          <p className="actions">
            <Button type="submit" busy={state.loading}>
              {t("moderation.messages.send")}
            </Button>
          </p>
        </form>
      ) : null}
    </section>
  );
}
