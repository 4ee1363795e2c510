import { useMutation } from "@apollo/client/react";
import { useTranslation } from "react-i18next";
import { graphql } from "../../gql";
import { ActionProblem } from "../../ui/ActionProblem";
import { Button } from "../../ui/Button";

const followMutation = graphql(`
  mutation FollowFundingCall($id: ID!) {
    followFundingCall(id: $id) {
      id
      viewerFollows
      followerCount
    }
  }
`);
const unfollowMutation = graphql(`
  mutation UnfollowFundingCall($id: ID!) {
    unfollowFundingCall(id: $id) {
      id
      viewerFollows
      followerCount
    }
  }
`);

/**
 * Follow or stop following a call (the api is idempotent both ways). A toggle button: its
 * pressed state says whether the reader follows; the call's title is in its accessible name
 * (hidden text after the visible word, which axe wants first) so a list of cards has distinct buttons.
 */
export function FollowButton({ id, title, follows }: { id: string; title: string; follows: boolean }) {
  const { t } = useTranslation();
  const [follow, following] = useMutation(followMutation, { variables: { id } });
  const [unfollow, unfollowing] = useMutation(unfollowMutation, { variables: { id } });
  const error = following.error ?? unfollowing.error;
  return (
    <div className="hub-follow">
      <Button
        variant={follows ? "secondary" : "primary"}
        size="sm"
        aria-pressed={follows}
        busy={following.loading || unfollowing.loading}
        onClick={() => void (follows ? unfollow() : follow()).catch(() => undefined)}
      >
        {follows ? t("hub.follow.following") : t("hub.follow.follow")}
        {/* The call's title, for screen readers: a list of cards has distinct buttons. */}
        <span className="visually-hidden"> {title}</span>
      </Button>
      {error ? <ActionProblem error={error} /> : null}
    </div>
  );
}
