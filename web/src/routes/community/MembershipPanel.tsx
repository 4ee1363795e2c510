import { useMutation } from "@apollo/client/react";
import { type ReactNode, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useLocation } from "react-router";
import { useProblemMessage } from "../../app/useProblemMessage";
import { graphql } from "../../gql";
import type { CommunityPageQuery } from "../../gql/graphql";
import { Alert } from "../../ui/Alert";
import { Badge } from "../../ui/Badge";
import { Button, ButtonLink } from "../../ui/Button";

const joinCommunityMutation = graphql(`
  mutation JoinCommunity($communityId: ID!) {
    joinCommunity(communityId: $communityId) {
      id
      role
      status
      community {
        id
        memberCount
        viewerMembership {
          id
          role
          status
        }
      }
    }
  }
`);

const leaveCommunityMutation = graphql(`
  mutation LeaveCommunity($communityId: ID!) {
    leaveCommunity(communityId: $communityId)
  }
`);

type Community = NonNullable<CommunityPageQuery["community"]>;

// Everything on the page that depends on who belongs: header counts, members, the home cards.
const AFFECTED = ["CommunityPage", "CommunityMembers", "HomeCommunities"];

interface MembershipPanelProps {
  community: Community;
  signedIn: boolean;
}

export function MembershipPanel({ community, signedIn }: MembershipPanelProps) {
  const { t } = useTranslation();
  const problemMessage = useProblemMessage();
  const location = useLocation();
  const [announcement, setAnnouncement] = useState("");
  const actionRef = useRef<HTMLButtonElement>(null);
  const refocus = useRef(false);
  const [join, joinState] = useMutation(joinCommunityMutation, {
    refetchQueries: AFFECTED,
    awaitRefetchQueries: true,
  });
  const [leave, leaveState] = useMutation(leaveCommunityMutation, {
    refetchQueries: AFFECTED,
    awaitRefetchQueries: true,
  });
  const membership = community.viewerMembership;
  const error = joinState.error ?? leaveState.error;
  const busy = joinState.loading || leaveState.loading;

  // The button the reader pressed is replaced by its opposite; keep focus on it.
  useEffect(() => {
    if (refocus.current) {
      refocus.current = false;
      actionRef.current?.focus();
    }
  });

  async function onJoin() {
    leaveState.reset();
    setAnnouncement("");
    try {
      const result = await join({ variables: { communityId: community.id } });
      refocus.current = true;
      setAnnouncement(
        result.data?.joinCommunity.status === "PENDING"
          ? t("membership.requestSent", { name: community.name })
          : t("membership.joined", { name: community.name }),
      );
    } catch {
      // shown through joinState.error
    }
  }

  async function onLeave() {
    joinState.reset();
    setAnnouncement("");
    const wasPending = membership?.status === "PENDING";
    try {
      await leave({ variables: { communityId: community.id } });
      refocus.current = true;
      setAnnouncement(wasPending ? t("membership.requestWithdrawn") : t("membership.left", { name: community.name }));
    } catch {
      // shown through leaveState.error
    }
  }

  let body: ReactNode;
  if (!signedIn) {
    body = (
      <>
        <p>{t("membership.signInToJoin")}</p>
        <p className="actions">
          <ButtonLink to="/login" state={{ from: location.pathname }}>
            {t("nav.login")}
          </ButtonLink>
          <ButtonLink to="/register" state={{ from: location.pathname }} variant="secondary">
            {t("nav.register")}
          </ButtonLink>
        </p>
      </>
    );
  } else if (!membership) {
    const approval = community.joinPolicy === "APPROVAL";
    body = (
      <>
        <p>{approval ? t("membership.approvalExplained") : t("membership.openExplained")}</p>
        <p className="actions">
          <Button ref={actionRef} onClick={() => void onJoin()} busy={busy}>
            {approval ? t("membership.requestToJoin") : t("membership.join")}
          </Button>
        </p>
      </>
    );
  } else if (membership.status === "PENDING") {
    body = (
      <>
        <p>
          <Badge tone="warning">{t("membership.requestPending")}</Badge>
        </p>
        <p>{t("membership.pendingExplained")}</p>
        <p className="actions">
          <Button ref={actionRef} variant="secondary" onClick={() => void onLeave()} busy={busy}>
            {t("membership.withdraw")}
          </Button>
        </p>
      </>
    );
  } else {
    const facilitator = membership.role === "FACILITATOR";
    body = (
      <>
        <p>
          <Badge tone={facilitator ? "accent" : "success"}>
            {facilitator ? t("community.badge.facilitator") : t("community.badge.member")}
          </Badge>
        </p>
        <p>{facilitator ? t("membership.facilitatorExplained") : t("membership.memberExplained")}</p>
        <p className="actions">
          <Button ref={actionRef} variant="secondary" onClick={() => void onLeave()} busy={busy}>
            {t("membership.leave")}
          </Button>
        </p>
      </>
    );
  }

  return (
    <div className="membership card">
      <h2 id="membership-title" className="membership__title">
        {t("membership.title")}
      </h2>
      {body}
      {error ? <Alert>{problemMessage(error)}</Alert> : null}
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
    </div>
  );
}
