import { useMutation, useQuery } from "@apollo/client/react";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { useProblemMessage } from "../../app/useProblemMessage";
import { graphql } from "../../gql";
import type { CommunityPendingMembersQuery, JoinPolicy } from "../../gql/graphql";
import { Alert } from "../../ui/Alert";
import { Avatar } from "../../ui/Avatar";
import { Button } from "../../ui/Button";
import { EmptyState } from "../../ui/EmptyState";
import { ErrorState } from "../../ui/ErrorState";
import { formatDate } from "../../ui/format";
import { Loading } from "../../ui/Loading";
import { LoadMore } from "../../ui/LoadMore";
import { useLoadMore } from "../../ui/useLoadMore";

const communityPendingMembersQuery = graphql(`
  query CommunityPendingMembers($slug: String!, $first: Int!, $after: String) {
    community(slug: $slug) {
      id
      pendingMembers(first: $first, after: $after) {
        totalCount
        edges {
          cursor
          node {
            id
            createdAt
            viewerCanApprove
            user {
              id
              displayName
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

const approveMembershipMutation = graphql(`
  mutation ApproveMembership($membershipId: ID!) {
    approveMembership(membershipId: $membershipId) {
      id
      role
      status
    }
  }
`);

const rejectMembershipMutation = graphql(`
  mutation RejectMembership($membershipId: ID!) {
    rejectMembership(membershipId: $membershipId)
  }
`);

const AFFECTED = ["CommunityPendingMembers", "CommunityMembers", "CommunityPage"];

type Request = NonNullable<CommunityPendingMembersQuery["community"]>["pendingMembers"]["edges"][number]["node"];

interface PendingRequestsProps {
  slug: string;
  joinPolicy: JoinPolicy;
}

export function PendingRequests({ slug, joinPolicy }: PendingRequestsProps) {
  const { t } = useTranslation();
  const [announcement, setAnnouncement] = useState("");
  const { data, loading, error, refetch, fetchMore } = useQuery(communityPendingMembersQuery, {
    variables: { slug, first: 20 },
  });
  const pending = data?.community?.pendingMembers;
  const pager = useLoadMore(pending?.pageInfo, (after) => fetchMore({ variables: { after } }));

  // Open communities rarely have requests; keep their page quiet unless one is waiting.
  if (joinPolicy === "OPEN" && (!pending || pending.totalCount === 0)) return null;

  let content: ReactNode;
  if (loading && !data) content = <Loading />;
  else if (error && !data) content = <ErrorState error={error} retry={refetch} />;
  else if (!pending || pending.edges.length === 0) {
    content = (
      <EmptyState title={t("pending.emptyTitle")}>
        <p>{t("pending.emptyBody")}</p>
      </EmptyState>
    );
  } else {
    content = (
      <>
        <ul className="member-list">
          {pending.edges.map(({ node }) => (
            <PendingRow key={node.id} request={node} onDecided={setAnnouncement} />
          ))}
        </ul>
        <LoadMore pager={pager} />
      </>
    );
  }

  return (
    <section aria-labelledby="pending-title" className="community__section pending">
      <h2 id="pending-title">
        {t("pending.title")}{" "}
        {pending && pending.totalCount > 0 ? <span className="count-pill">{pending.totalCount}</span> : null}
      </h2>
      <p className="section__intro">{t("pending.intro")}</p>
      {content}
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
    </section>
  );
}

function PendingRow({ request, onDecided }: { request: Request; onDecided: (message: string) => void }) {
  const { t, i18n } = useTranslation();
  const problemMessage = useProblemMessage();
  const name = request.user.displayName;
  const options = { refetchQueries: AFFECTED, awaitRefetchQueries: true };
  const [approve, approveState] = useMutation(approveMembershipMutation, options);
  const [reject, rejectState] = useMutation(rejectMembershipMutation, options);
  const error = approveState.error ?? rejectState.error;
  const busy = approveState.loading || rejectState.loading;

  return (
    <li className="member">
      <Avatar name={name} />
      <div className="member__who">
        <p className="member__name">{name}</p>
        <p className="member__since">
          {t("pending.requestedOn", { date: formatDate(request.createdAt, i18n.language) })}
        </p>
      </div>
      {request.viewerCanApprove ? (
        <div className="member__actions">
          <Button
            size="sm"
            busy={approveState.loading}
            disabled={busy}
            onClick={() =>
              void approve({ variables: { membershipId: request.id } })
                .then(() => onDecided(t("pending.approved", { name })))
                .catch(() => undefined)
            }
          >
            {t("pending.approve")}
            <span className="visually-hidden"> ({name})</span>
          </Button>
          <Button
            size="sm"
            variant="secondary"
            busy={rejectState.loading}
            disabled={busy}
            onClick={() =>
              void reject({ variables: { membershipId: request.id } })
                .then(() => onDecided(t("pending.rejected", { name })))
                .catch(() => undefined)
            }
          >
            {t("pending.reject")}
            <span className="visually-hidden"> ({name})</span>
          </Button>
        </div>
      ) : null}
      {error ? (
        <div className="member__error">
          <Alert>{problemMessage(error)}</Alert>
        </div>
      ) : null}
    </li>
  );
}
