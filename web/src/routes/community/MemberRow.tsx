import { useMutation } from "@apollo/client/react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useProblemMessage } from "../../app/useProblemMessage";
import { graphql } from "../../gql";
import type { CommunityMembersQuery } from "../../gql/graphql";
import { Alert } from "../../ui/Alert";
import { Avatar } from "../../ui/Avatar";
import { Badge } from "../../ui/Badge";
import { Button } from "../../ui/Button";
import { formatDate } from "../../ui/format";
import { ReportButton } from "../moderation/report/ReportButton";

const setMembershipRoleMutation = graphql(`
  mutation SetMembershipRole($membershipId: ID!, $role: MembershipRole!) {
    setMembershipRole(membershipId: $membershipId, role: $role) {
      id
      role
      status
    }
  }
`);

const vouchForMemberMutation = graphql(`
  mutation VouchForMember($userId: ID!) {
    vouchForMember(userId: $userId) {
      id
      trusted
      viewerCanVouch
    }
  }
`);

const removeMemberMutation = graphql(`
  mutation RemoveMember($membershipId: ID!) {
    removeMember(membershipId: $membershipId)
  }
`);

/** A short visible label whose accessible name also says whom it acts on. */
function ForWhom({ label, name }: { label: string; name: string }) {
  return (
    <>
      {label}
      <span className="visually-hidden"> ({name})</span>
    </>
  );
}

type Membership = NonNullable<CommunityMembersQuery["community"]>["members"]["edges"][number]["node"];

interface MemberRowProps {
  /** Its `viewerCan…` fields say which actions the api allows the viewer on it. */
  membership: Membership;
}

export function MemberRow({ membership }: MemberRowProps) {
  const { t, i18n } = useTranslation();
  const problemMessage = useProblemMessage();
  const [confirming, setConfirming] = useState(false);
  const [setRole, roleState] = useMutation(setMembershipRoleMutation);
  const [remove, removeState] = useMutation(removeMemberMutation, {
    refetchQueries: ["CommunityMembers", "CommunityPage"],
    awaitRefetchQueries: true,
  });
  const name = membership.user.displayName;
  const facilitator = membership.role === "FACILITATOR";
  // The answer updates the cached user: the badge and the button go, the announcement stays.
  const [vouch, vouchState] = useMutation(vouchForMemberMutation);
  const error = roleState.error ?? removeState.error ?? vouchState.error;
  const canRemove = membership.viewerCanRemove;
  const canChangeRole = membership.viewerCanChangeRole;
  const canVouch = membership.user.viewerCanVouch;

  return (
    <li className="member">
      <Avatar name={name} />
      <div className="member__who">
        <p className="member__name">
          {name} {facilitator ? <Badge tone="accent">{t("community.badge.facilitator")}</Badge> : null}
          {canVouch ? <Badge>{t("members.newMember")}</Badge> : null}
        </p>
        <p className="member__since">{t("members.since", { date: formatDate(membership.createdAt, i18n.language) })}</p>
        <ReportButton target={{ userId: membership.user.id }} authorId={membership.user.id} what={name} />
      </div>
      {canRemove || canChangeRole || canVouch ? (
        <div className="member__actions">
          {confirming ? (
            <>
              <Button
                variant="danger"
                size="sm"
                busy={removeState.loading}
                onClick={() =>
                  void remove({ variables: { membershipId: membership.id } }).catch(() => setConfirming(false))
                }
              >
                <ForWhom label={t("members.confirmRemove")} name={name} />
              </Button>
              <Button variant="ghost" size="sm" onClick={() => setConfirming(false)}>
                {t("common.cancel")}
              </Button>
            </>
          ) : (
            <>
              {canVouch ? (
                <Button
                  variant="secondary"
                  size="sm"
                  busy={vouchState.loading}
                  onClick={() => void vouch({ variables: { userId: membership.user.id } }).catch(() => undefined)}
                >
                  <ForWhom label={t("members.vouch")} name={name} />
                </Button>
              ) : null}
              {canChangeRole ? (
                <Button
                  variant="ghost"
                  size="sm"
                  busy={roleState.loading}
                  onClick={() =>
                    void setRole({
                      variables: { membershipId: membership.id, role: facilitator ? "MEMBER" : "FACILITATOR" },
                    }).catch(() => undefined)
                  }
                >
                  <ForWhom label={facilitator ? t("members.makeMember") : t("members.makeFacilitator")} name={name} />
                </Button>
              ) : null}
              {canRemove ? (
                <Button variant="ghost" size="sm" onClick={() => setConfirming(true)}>
                  <ForWhom label={t("members.remove")} name={name} />
                </Button>
              ) : null}
            </>
          )}
        </div>
      ) : null}
      {/* Always there, filled once the vouch is done: a live region must exist before it speaks. */}
      <p className="visually-hidden" role="status">
        {vouchState.data && !vouchState.error ? t("members.vouched", { name }) : ""}
      </p>
      {error ? (
        <div className="member__error">
          <Alert>{problemMessage(error)}</Alert>
        </div>
      ) : null}
    </li>
  );
}
