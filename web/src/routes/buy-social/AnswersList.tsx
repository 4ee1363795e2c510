import { useMutation } from "@apollo/client/react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { graphql } from "../../gql";
import type { AnswerFieldsFragment, BuyerRequestPageQuery } from "../../gql/graphql";
import { ActionProblem } from "../../ui/ActionProblem";
import { Badge } from "../../ui/Badge";
import { Button } from "../../ui/Button";
import { formatDateTime } from "../../ui/format";
import { formatEuro } from "./shared";

export type RequestPageData = NonNullable<BuyerRequestPageQuery["buyerRequest"]>;

graphql(`
  fragment AnswerFields on SupplierAnswer {
    id
    body
    amount
    status
    version
    createdAt
    updatedAt
    supplier {
      id
      slug
      name
    }
    author {
      id
      displayName
    }
  }
`);

const shortlistMutation = graphql(`
  mutation ShortlistAnswer($id: ID!, $version: Int!) {
    shortlistAnswer(id: $id, version: $version) {
      id
      status
      version
    }
  }
`);

/** The buyer's people read every answer (private to them) and shortlist the promising ones. */
export function AnswersList({ request, onDone }: { request: RequestPageData; onDone: () => void }) {
  const { t } = useTranslation();
  const canShortlist = request.viewerCanDecide && (request.state === "OPEN" || request.state === "SHORTLISTING");
  return (
    <section aria-labelledby="request-answers">
      <h2 id="request-answers">{t("buySocial.answers.title", { count: request.answers.length })}</h2>
      <p className="field__hint">{t("buySocial.answers.privateToYou")}</p>
      {request.answers.length === 0 ? (
        <p>{t("buySocial.answers.none")}</p>
      ) : (
        <ul className="answer-list">
          {request.answers.map((answer) => (
            <li key={answer.id}>
              <AnswerCard answer={answer} canShortlist={canShortlist} onDone={onDone} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function AnswerStatus({ status }: { status: AnswerFieldsFragment["status"] }) {
  const { t } = useTranslation();
  const tone = status === "AWARDED" ? "success" : status === "SHORTLISTED" ? "accent" : "neutral";
  return <Badge tone={tone}>{t(`buySocial.answerStatus.${status}`)}</Badge>;
}

function AnswerCard({
  answer,
  canShortlist,
  onDone,
}: {
  answer: AnswerFieldsFragment;
  canShortlist: boolean;
  onDone: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [shortlist, { loading, error }] = useMutation(shortlistMutation);
  const headingId = `answer-${answer.id}`;
  return (
    <article className="answer card" aria-labelledby={headingId}>
      <h3 id={headingId} className="answer__supplier">
        <Link to={`/partners/${answer.supplier.slug}/supplier`}>{answer.supplier.name}</Link>
      </h3>
      <p className="answer__meta">
        <AnswerStatus status={answer.status} />{" "}
        {answer.amount != null ? formatEuro(answer.amount, i18n.language) : t("buySocial.answer.noAmount")} ·{" "}
        {formatDateTime(answer.updatedAt, i18n.language)}
        {answer.author ? ` · ${answer.author.displayName}` : null}
      </p>
      {answer.body.split(/\n\s*\n/).map((paragraph) => (
        <p key={paragraph}>{paragraph}</p>
      ))}
      {canShortlist && answer.status === "SUBMITTED" ? (
        <p>
          <Button
            size="sm"
            variant="secondary"
            busy={loading}
            aria-label={t("buySocial.answers.shortlistOf", { name: answer.supplier.name })}
            onClick={() =>
              void shortlist({ variables: { id: answer.id, version: answer.version } }).then(onDone, () => undefined)
            }
          >
            {t("buySocial.answers.shortlist")}
          </Button>
        </p>
      ) : null}
      {error ? <ActionProblem error={error} /> : null}
    </article>
  );
}
