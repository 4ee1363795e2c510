import { useQuery } from "@apollo/client/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { hasCode } from "../../app/errors";
import { graphql } from "../../gql";
import type { CommunityVisibility } from "../../gql/graphql";
import { EmptyState } from "../../ui/EmptyState";
import { ErrorState } from "../../ui/ErrorState";
import { Loading } from "../../ui/Loading";
import { LoadMore } from "../../ui/LoadMore";
import { useLoadMore } from "../../ui/useLoadMore";
import { MemberRow } from "./MemberRow";

const PAGE_SIZE = 20;

const communityMembersQuery = graphql(`
  query CommunityMembers($slug: String!, $first: Int!, $after: String) {
    community(slug: $slug) {
      id
      members(first: $first, after: $after) {
        totalCount
        edges {
          cursor
          node {
            id
            role
            status
            createdAt
            viewerCanRemove
            viewerCanChangeRole
            user {
              id
              displayName
              viewerCanVouch
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

interface MemberListProps {
  slug: string;
  visibility: CommunityVisibility;
}

export function MemberList({ slug, visibility }: MemberListProps) {
  const { t } = useTranslation();
  const { data, loading, error, refetch, fetchMore } = useQuery(communityMembersQuery, {
    variables: { slug, first: PAGE_SIZE },
  });
  const members = data?.community?.members;
  const pager = useLoadMore(members?.pageInfo, (after) => fetchMore({ variables: { after } }));

  let content: ReactNode;
  if (loading && !data) {
    content = <Loading />;
  } else if (error && !data) {
    content =
      hasCode(error, "FORBIDDEN") || hasCode(error, "UNAUTHENTICATED") ? (
        <EmptyState title={t("members.hiddenTitle")}>
          <p>{visibility === "MEMBERS" ? t("members.hiddenMembersOnly") : t("members.hiddenBody")}</p>
        </EmptyState>
      ) : (
        <ErrorState error={error} retry={refetch} />
      );
  } else if (!members || members.edges.length === 0) {
    content = (
      <EmptyState title={t("members.emptyTitle")}>
        <p>{t("members.emptyBody")}</p>
      </EmptyState>
    );
  } else {
    content = (
      <>
        <ul className="member-list">
          {members.edges.map(({ node }) => (
            <MemberRow key={node.id} membership={node} />
          ))}
        </ul>
        <p className="member-list__status" role="status">
          {t("members.shown", { shown: members.edges.length, count: members.totalCount })}
        </p>
        <LoadMore pager={pager} />
      </>
    );
  }

  return (
    <section aria-labelledby="members-title" className="community__section">
      <h2 id="members-title">{t("members.title")}</h2>
      {content}
    </section>
  );
}
