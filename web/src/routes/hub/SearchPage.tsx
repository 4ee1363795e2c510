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
import { countryName } from "./countries";
import { ExpressInterest } from "./ExpressInterest";
import { Interests, OwnInterest } from "./Interests";
import { SearchOwnerActions } from "./SearchOwnerActions";
import "./hub.css";

const searchPageQuery = graphql(`
  query HubSearch($id: ID!) {
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
    partnerSearch(id: $id) {
      id
      kind
      role
      expertise
      countries
      description
      status
      version
      createdAt
      interestCount
      call {
        id
        identifier
        title
      }
      organization {
        id
        name
        slug
      }
      author {
        id
        displayName
      }
      interests {
        id
        ...InterestRow
      }
      viewerInterest {
        id
        ...InterestRow
      }
      space {
        community {
          id
          slug
          name
        }
        thread {
          id
        }
        proposal {
          id
        }
      }
      viewerCanEdit
      viewerCanExpressInterest
      viewerCanDecide
    }
  }
`);

/** /hub/searches/:id: a partner search, the interests the reader may see, and the way into the private space. */
export function SearchPage() {
  const { t, i18n } = useTranslation();
  const { id = "" } = useParams();
  const { data, loading, error, refetch } = useQuery(searchPageQuery, {
    variables: { id },
    fetchPolicy: "cache-and-network",
  });
  const search = data?.partnerSearch;
  const headline = search
    ? t(`hub.search.headline.${search.kind}`, {
        organization: search.organization.name,
        role: t(`hub.roles.${search.role}`),
      })
    : null;
  usePageTitle(headline ?? (data ? t("hub.search.notFoundTitle") : null));

  if (loading && !data) return <PageLoading />;
  if (error && !data) return <PageError error={error} retry={refetch} />;
  if (!search) return <NotFoundContent title={t("hub.search.notFoundTitle")} body={t("hub.search.notFoundBody")} />;

  const reload = () => void refetch();
  const represented = (data?.viewer?.organizations ?? [])
    .filter(
      (m) => m.role === "REPRESENTATIVE" && !m.organization.withdrawnOn && m.organization.id !== search.organization.id,
    )
    .map((m) => m.organization);
  // Only the interested side's own interest, when the reader is not the publisher (who sees them all below).
  const own = search.viewerInterest && !search.viewerCanDecide ? search.viewerInterest : null;

  return (
    <>
      <PageHeader
        crumbs={[
          { to: "/hub", label: t("hub.calls.title") },
          { to: `/hub/calls/${search.call.id}`, label: search.call.identifier },
        ]}
      >
        <div className="page__flags">
          <Badge tone={search.status === "OPEN" ? "success" : "neutral"}>
            {t(`hub.search.status.${search.status}`)}
          </Badge>
          <Badge tone="accent">{t(`hub.kinds.${search.kind}`)}</Badge>
        </div>
        <h1 className="page__title">{headline}</h1>
        <p className="page__meta">
          {t("hub.search.forCall")} <Link to={`/hub/calls/${search.call.id}`}>{search.call.title}</Link>
          {" · "}
          {t("hub.search.published", { date: formatDate(search.createdAt, i18n.language) })}
        </p>
      </PageHeader>
      <div className="container page hub-search-page">
        {search.space ? (
          <section className="hub-space" aria-labelledby="hub-space-title">
            <h2 id="hub-space-title">{t("hub.space.title")}</h2>
            <p>{t("hub.space.body", { name: search.space.community.name })}</p>
            <ul className="hub-space__links">
              <li>
                <Link to={`/t/${search.space.thread.id}`}>{t("hub.space.thread")}</Link>
              </li>
              <li>
                <Link to={`/d/${search.space.proposal.id}`}>{t("hub.space.proposal")}</Link>
              </li>
            </ul>
          </section>
        ) : null}
        <section aria-labelledby="hub-search-details">
          <h2 id="hub-search-details">{t("hub.search.details")}</h2>
          <dl className="hub-facts">
            <div>
              <dt>{t("hub.search.organization")}</dt>
              <dd>
                <Link to={`/partners/${search.organization.slug}`}>{search.organization.name}</Link>
              </dd>
            </div>
            <div>
              <dt>{t("hub.publish.role")}</dt>
              <dd>{t(`hub.roles.${search.role}`)}</dd>
            </div>
            <div>
              <dt>{t("hub.publish.expertise")}</dt>
              <dd className="hub-text">{search.expertise}</dd>
            </div>
            {search.countries.length > 0 ? (
              <div>
                <dt>{t("hub.publish.countries")}</dt>
                <dd>{search.countries.map((code) => countryName(code, i18n.language)).join(", ")}</dd>
              </div>
            ) : null}
            {search.author ? (
              <div>
                <dt>{t("hub.search.author")}</dt>
                <dd>{search.author.displayName}</dd>
              </div>
            ) : null}
          </dl>
          {search.description ? <p className="hub-text">{search.description}</p> : null}
        </section>
        {search.viewerCanEdit ? (
          <SearchOwnerActions id={search.id} version={search.version} status={search.status} onDone={reload} />
        ) : null}
        {search.viewerCanEdit || search.viewerCanDecide || (!search.viewerInterest && search.interests.length > 0) ? (
          <Interests interests={search.interests} canDecide={search.viewerCanDecide} onDone={reload} />
        ) : null}
        {own ? <OwnInterest interest={own} onDone={reload} /> : null}
        {search.viewerCanExpressInterest && !own && represented.length > 0 ? (
          <ExpressInterest searchId={search.id} organizations={represented} onDone={reload} />
        ) : null}
        {!data?.viewer && search.status === "OPEN" ? (
          <p>
            <Link to="/login" state={{ from: `/hub/searches/${search.id}` }}>
              {t("hub.search.loginToAnswer")}
            </Link>
          </p>
        ) : null}
      </div>
    </>
  );
}
