import { useQuery } from "@apollo/client/react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { usePageTitle } from "../../app/usePageTitle";
import { graphql } from "../../gql";
import { Badge } from "../../ui/Badge";
import { formatDate } from "../../ui/format";
import { PageHeader } from "../../ui/PageHeader";
import { PageError, PageLoading } from "../../ui/PageStates";
import { NotFoundContent } from "../not-found/NotFoundPage";
import { STATUS_TONE } from "./CallCard";
import { formatEuros } from "./callTime";
import { Deadline } from "./Deadline";
import { FollowButton } from "./FollowButton";
import { programmeName } from "./labels";
import { PublishSearch } from "./PublishSearch";
import { SearchSummary } from "./SearchSummary";
import "./hub.css";

const callPageQuery = graphql(`
  query HubCall($id: ID!) {
    viewer {
      id
      organizations {
        id
        role
        organization {
          id
          name
          withdrawnOn
        }
      }
    }
    fundingCall(id: $id) {
      id
      source
      identifier
      callIdentifier
      title
      programme
      status
      opensAt
      deadlineAt
      deadlineTimeZone
      budgetTotal
      budgetPerProjectMin
      budgetPerProjectMax
      expectedGrants
      typeOfAction
      themes {
        key
        name
      }
      keywords
      description
      url
      revision
      archived
      updatedAt
      revisions {
        revision
        changedFields
        createdAt
      }
      followerCount
      viewerFollows
      closingSoon
      partnerSearches {
        id
        ...PartnerSearchSummary
      }
    }
  }
`);

/** /hub/calls/:id: everything a call holds, its history, and the partner searches on it. */
export function CallPage() {
  const { t, i18n } = useTranslation();
  const { id = "" } = useParams();
  const { data, loading, error, refetch } = useQuery(callPageQuery, {
    variables: { id },
    fetchPolicy: "cache-and-network",
  });
  const call = data?.fundingCall;
  usePageTitle(call ? call.title : data ? t("hub.call.notFoundTitle") : null);

  if (loading && !data) return <PageLoading />;
  if (error && !data) return <PageError error={error} retry={refetch} />;
  if (!call) return <NotFoundContent title={t("hub.call.notFoundTitle")} body={t("hub.call.notFoundBody")} />;

  const lang = i18n.language;
  const euros = (value: number | null | undefined) => formatEuros(value, lang);
  const perProject =
    call.budgetPerProjectMin != null || call.budgetPerProjectMax != null
      ? [euros(call.budgetPerProjectMin), euros(call.budgetPerProjectMax)].filter(Boolean).join(" – ")
      : null;
  const represented = (data?.viewer?.organizations ?? [])
    .filter((m) => m.role === "REPRESENTATIVE" && !m.organization.withdrawnOn)
    .map((m) => m.organization);
  const acceptsSearches = call.status !== "CLOSED" && !call.archived;
  const facts: [string, string | null][] = [
    [t("hub.call.programme"), programmeName(t, call.programme)],
    [t("hub.call.callIdentifier"), call.callIdentifier ?? null],
    [t("hub.call.opens"), call.opensAt ? formatDate(call.opensAt, lang) : null],
    [t("hub.call.budget"), euros(call.budgetTotal)],
    [t("hub.call.perProject"), perProject],
    [t("hub.call.expectedGrants"), call.expectedGrants != null ? String(call.expectedGrants) : null],
    [t("hub.call.typeOfAction"), call.typeOfAction ?? null],
    [t("hub.call.source"), call.source],
  ];

  return (
    <>
      <PageHeader crumbs={[{ to: "/hub", label: t("hub.calls.title") }]}>
        <div className="page__flags">
          <Badge tone={STATUS_TONE[call.status]}>{t(`hub.status.${call.status}`)}</Badge>
          {call.closingSoon ? <Badge tone="warning">{t("hub.call.closingSoon")}</Badge> : null}
          {call.archived ? <Badge>{t("hub.call.archived")}</Badge> : null}
        </div>
        <p className="hub-card__identifier">{call.identifier}</p>
        <h1 className="page__title">{call.title}</h1>
        <p className="page__meta">
          {t("hub.call.deadline")}: <Deadline at={call.deadlineAt} timeZone={call.deadlineTimeZone} />
        </p>
      </PageHeader>
      <div className="container page hub-call">
        <div className="hub-call__actions">
          {data?.viewer ? <FollowButton id={call.id} title={call.title} follows={call.viewerFollows} /> : null}
          <p className="hub-call__followers">{t("hub.call.followers", { count: call.followerCount })}</p>
          {call.url ? (
            <p>
              <a href={call.url} target="_blank" rel="noopener noreferrer">
                {t("hub.call.officialPage")}
                <span className="visually-hidden"> {t("hub.call.leavesPratica")}</span>
              </a>
            </p>
          ) : null}
        </div>
        <section aria-labelledby="hub-call-facts">
          <h2 id="hub-call-facts">{t("hub.call.facts")}</h2>
          <dl className="hub-facts">
            {facts
              .filter((fact): fact is [string, string] => Boolean(fact[1]))
              .map(([term, value]) => (
                <div key={term}>
                  <dt>{term}</dt>
                  <dd>{value}</dd>
                </div>
              ))}
            {call.themes.length > 0 ? (
              <div>
                <dt>{t("hub.call.themes")}</dt>
                <dd>{call.themes.map((theme) => theme.name).join(", ")}</dd>
              </div>
            ) : null}
            {call.keywords.length > 0 ? (
              <div>
                <dt>{t("hub.call.keywords")}</dt>
                <dd>{call.keywords.join(", ")}</dd>
              </div>
            ) : null}
          </dl>
        </section>
        {call.description ? (
          <section aria-labelledby="hub-call-description">
            <h2 id="hub-call-description">{t("hub.call.description")}</h2>
            <p className="hub-text">{call.description}</p>
          </section>
        ) : null}
        <section aria-labelledby="hub-call-searches">
          <h2 id="hub-call-searches">{t("hub.call.searches")}</h2>
          {call.partnerSearches.length === 0 ? (
            <p>{t("hub.call.noSearches")}</p>
          ) : (
            <ul className="hub-list">
              {call.partnerSearches.map((search) => (
                <li key={search.id}>
                  <SearchSummary search={search} />
                </li>
              ))}
            </ul>
          )}
          {!data?.viewer ? (
            <p>
              <Link to="/login" state={{ from: `/hub/calls/${call.id}` }}>
                {t("hub.call.loginToPublish")}
              </Link>
            </p>
          ) : !acceptsSearches ? (
            <p>{t("hub.call.closedToSearches")}</p>
          ) : represented.length === 0 ? (
            <p>{t("hub.call.representativesOnly")}</p>
          ) : (
            <PublishSearch callId={call.id} organizations={represented} />
          )}
        </section>
        {call.revisions.length > 0 ? (
          <section aria-labelledby="hub-call-revisions">
            <h2 id="hub-call-revisions">{t("hub.call.revisions")}</h2>
            <ul className="hub-revisions">
              {call.revisions.map((revision) => (
                <li key={revision.revision}>
                  {t("hub.call.revisionLine", {
                    date: formatDate(revision.createdAt, lang),
                    fields: revision.changedFields
                      .map((field) => t(`hub.fields.${field}`, { defaultValue: field }))
                      .join(", "),
                  })}
                </li>
              ))}
            </ul>
          </section>
        ) : null}
      </div>
    </>
  );
}
