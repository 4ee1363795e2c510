import { useQuery } from "@apollo/client/react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { usePageTitle } from "../../app/usePageTitle";
import { graphql } from "../../gql";
import { Badge } from "../../ui/Badge";
import { formatDateTime } from "../../ui/format";
import { PageHeader } from "../../ui/PageHeader";
import { PageError, PageLoading } from "../../ui/PageStates";
import { NotFoundContent } from "../not-found/NotFoundPage";
import { AnswersList } from "./AnswersList";
import { areaSummary } from "./AreaFields";
import { BuyerActions } from "./BuyerActions";
import { CpvLabel } from "./CpvPicker";
import { SupplierAnswerPanel } from "./SupplierAnswerPanel";
import { formatEuro, useRepresentedOrganizations } from "./shared";
import "./buy-social.css";

export const requestPageQuery = graphql(`
  query BuyerRequestPage($id: ID!) {
    buyerRequest(id: $id) {
      id
      title
      description
      state
      version
      wholeMetroArea
      budgetBand
      deadlineAt
      preferredCertifications
      createdAt
      openedAt
      awardedAt
      awardedAmount
      outcomeNote
      closedAt
      awardedSupplier {
        id
        slug
        name
      }
      buyer {
        id
        slug
        name
      }
      author {
        id
        displayName
      }
      cpvCodes {
        ...CpvChoice
      }
      area {
        code
        name
      }
      answerCount
      answers {
        id
        ...AnswerFields
      }
      viewerAnswer {
        id
        ...AnswerFields
      }
      viewerCanEdit
      viewerCanAnswer
      viewerCanDecide
    }
  }
`);

/** /buy-social/requests/:id: a buyer's request; its answers for the buyer's people; an answer form for suppliers. */
export function RequestPage() {
  const { t, i18n } = useTranslation();
  const { id = "" } = useParams();
  const { data, loading, error, refetch } = useQuery(requestPageQuery, {
    variables: { id },
    fetchPolicy: "cache-and-network",
  });
  const request = data?.buyerRequest;
  const { belongsTo } = useRepresentedOrganizations();
  usePageTitle(request ? request.title : data ? t("buySocial.request.notFoundTitle") : null);

  if (loading && !data) return <PageLoading />;
  if (error && !data) return <PageError error={error} retry={refetch} />;
  if (!request)
    return <NotFoundContent title={t("buySocial.request.notFoundTitle")} body={t("buySocial.request.notFoundBody")} />;

  const when = (value: string) => formatDateTime(value, i18n.language);
  const reload = () => void refetch();
  const history = [
    { key: "created", at: request.createdAt, text: t("buySocial.history.created") },
    request.openedAt ? { key: "opened", at: request.openedAt, text: t("buySocial.history.opened") } : null,
    request.awardedAt && request.awardedSupplier
      ? {
          key: "awarded",
          at: request.awardedAt,
          text: t("buySocial.history.awarded", {
            name: request.awardedSupplier.name,
            amount: request.awardedAmount != null ? formatEuro(request.awardedAmount, i18n.language) : "—",
          }),
        }
      : null,
    request.closedAt ? { key: "closed", at: request.closedAt, text: t("buySocial.history.closed") } : null,
  ].filter((entry) => entry !== null);

  return (
    <>
      <PageHeader
        crumbs={[
          { to: "/buy-social", label: t("buySocial.directory.title") },
          { to: "/buy-social/requests", label: t("buySocial.requests.title") },
        ]}
      >
        <div className="page__flags">
          <Badge tone={request.state === "OPEN" ? "success" : "accent"}>{t(`buySocial.state.${request.state}`)}</Badge>
        </div>
        <h1 className="page__title">{request.title}</h1>
        <p className="page__meta">{t("buySocial.request.by", { name: request.buyer.name })}</p>
      </PageHeader>
      <div className="container page request">
        <div className="request__grid">
          <div className="request__main">
            {request.description ? (
              <section aria-labelledby="request-about">
                <h2 id="request-about">{t("buySocial.request.about")}</h2>
                {request.description.split(/\n\s*\n/).map((paragraph) => (
                  <p key={paragraph}>{paragraph}</p>
                ))}
              </section>
            ) : null}
            <section aria-labelledby="request-cpv">
              <h2 id="request-cpv">{t("buySocial.cpv.codes")}</h2>
              <ul className="cpv-list">
                {request.cpvCodes.map((c) => (
                  <li key={c.code}>
                    <CpvLabel code={c} />
                  </li>
                ))}
              </ul>
            </section>
            {/* The buyer's people read the answers in every state; deciding is for its representatives. */}
            {request.viewerCanDecide || belongsTo.has(request.buyer.id) ? (
              <AnswersList request={request} onDone={reload} />
            ) : (
              <SupplierAnswerPanel request={request} onDone={reload} />
            )}
          </div>
          <aside className="request__side" aria-labelledby="request-facts">
            <h2 id="request-facts">{t("buySocial.request.facts")}</h2>
            <dl className="request__facts">
              <dt>{t("buySocial.request.deadlineLabel")}</dt>
              <dd>{when(request.deadlineAt)}</dd>
              <dt>{t("buySocial.form.budgetBand")}</dt>
              <dd>{t(`buySocial.band.${request.budgetBand}`)}</dd>
              <dt>{t("buySocial.area.label")}</dt>
              <dd>
                {request.wholeMetroArea
                  ? areaSummary(t, true, request.area)
                  : request.area.map((a) => a.name).join(", ")}
              </dd>
              {request.preferredCertifications.length > 0 ? (
                <>
                  <dt>{t("buySocial.form.preferred")}</dt>
                  <dd>{request.preferredCertifications.map((k) => t(`buySocial.kind.${k}`)).join(", ")}</dd>
                </>
              ) : null}
            </dl>
            <BuyerActions request={request} onDone={reload} />
            <h2 id="request-history">{t("buySocial.history.title")}</h2>
            <ol className="request__history" aria-labelledby="request-history">
              {history.map((entry) => (
                <li key={entry.key}>
                  <time dateTime={entry.at}>{when(entry.at)}</time> — {entry.text}
                </li>
              ))}
            </ol>
            {request.outcomeNote ? (
              <p className="request__note">
                {t("buySocial.history.note")}: {request.outcomeNote}
              </p>
            ) : null}
          </aside>
        </div>
      </div>
    </>
  );
}
