import { useQuery } from "@apollo/client/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { hasCode } from "../../app/errors";
import { graphql } from "../../gql";
import type { CommunityVisibility } from "../../gql/graphql";
import { EmptyState } from "../../ui/EmptyState";
import { ErrorState } from "../../ui/ErrorState";
import { Loading } from "../../ui/Loading";
import { LoadMore } from "../../ui/LoadMore";
import { RelativeTime } from "../../ui/RelativeTime";
import { useLoadMore } from "../../ui/useLoadMore";
import { DeliverableStatusBadge } from "./DeliverableStatusBadge";
import { NewDocumentForm } from "./NewDocumentForm";
import "./deliverable.css";

const PAGE_SIZE = 20;

const communityDeliverablesQuery = graphql(`
  query CommunityDeliverables($slug: String!, $first: Int!, $after: String) {
    community(slug: $slug) {
      id
      deliverables(first: $first, after: $after) {
        totalCount
        edges {
          cursor
          node {
            id
            title
            summary
            status
            updatedAt
            organizations {
              id
              name
            }
            endorsements {
              id
            }
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }
`);

interface DocumentsProps {
  community: { id: string; slug: string; visibility: CommunityVisibility };
  signedIn: boolean;
  /** An active member: may start a document. */
  canStart: boolean;
}

/** The community's co-authored documents, most recently changed first. */
export function Documents({ community, signedIn, canStart }: DocumentsProps) {
  const { t } = useTranslation();
  const { data, loading, error, refetch, fetchMore } = useQuery(communityDeliverablesQuery, {
    variables: { slug: community.slug, first: PAGE_SIZE },
    fetchPolicy: "cache-and-network",
  });
  const deliverables = data?.community?.deliverables;
  const pager = useLoadMore(deliverables?.pageInfo, (after) => fetchMore({ variables: { after } }));

  let content: ReactNode;
  if (loading && !data) content = <Loading />;
  else if (error && !data) {
    content =
      hasCode(error, "FORBIDDEN") || hasCode(error, "UNAUTHENTICATED") ? (
        <EmptyState title={t("documents.hiddenTitle")}>
          <p>{community.visibility === "MEMBERS" ? t("documents.hiddenMembersOnly") : t("documents.hiddenBody")}</p>
        </EmptyState>
      ) : (
        <ErrorState error={error} retry={refetch} />
      );
  } else if (!deliverables || deliverables.edges.length === 0) {
    content = (
      <EmptyState title={t("documents.emptyTitle")}>
        <p>{canStart ? t("documents.emptyStart") : signedIn ? t("documents.emptyJoin") : t("documents.emptySignIn")}</p>
      </EmptyState>
    );
  } else {
    content = (
      <>
        <ul className="tile-grid">
          {deliverables.edges.map(({ node }) => (
            <li key={node.id} className="tile">
              <p className="tile__flags">
                <DeliverableStatusBadge status={node.status} />
              </p>
              <h3 className="tile__title">
                <Link to={`/d/${node.id}`}>{node.title}</Link>
              </h3>
              {node.summary ? <p className="tile__summary">{node.summary}</p> : null}
              {node.organizations.length > 0 ? (
                <p className="document-card__authors">
                  {t("documents.coAuthoredBy", { names: node.organizations.map((o) => o.name).join(", ") })}
                </p>
              ) : null}
              <p className="tile__meta">
                {t("documents.updated")} <RelativeTime value={node.updatedAt} />
                {node.endorsements.length > 0 ? (
                  <> · {t("documents.signatories", { count: node.endorsements.length })}</>
                ) : null}
              </p>
            </li>
          ))}
        </ul>
        <LoadMore pager={pager} />
      </>
    );
  }

  return (
    <section aria-labelledby="documents-title" className="community__section documents">
      <div className="section-head">
        <h2 id="documents-title">{t("documents.title")}</h2>
        {canStart ? <NewDocumentForm communityId={community.id} /> : null}
      </div>
      <p className="section__intro documents__intro">{t("documents.intro")}</p>
      {content}
    </section>
  );
}
