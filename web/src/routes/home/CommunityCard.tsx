import { useId } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { HomeCommunitiesQuery } from "../../gql/graphql";
import { Badge } from "../../ui/Badge";
import { Card } from "../../ui/Card";

type Community = HomeCommunitiesQuery["communities"][number];

export function CommunityCard({ community }: { community: Community }) {
  const { t, i18n } = useTranslation();
  const titleId = useId();
  const membership = community.viewerMembership;
  const count = new Intl.NumberFormat(i18n.language).format(community.memberCount);

  return (
    <Card as="article" accent={community.color} className="community-card" aria-labelledby={titleId}>
      <h3 id={titleId} className="community-card__title">
        {/* The link's box is stretched over the card, so the whole card is one target. */}
        <Link to={`/c/${community.slug}`} className="community-card__link">
          {community.name}
        </Link>
      </h3>
      <p className="community-card__tagline">{community.tagline}</p>
      <div className="community-card__meta">
        <span>{t("community.memberCount", { count: community.memberCount, formatted: count })}</span>
        <span aria-hidden="true">·</span>
        <span>{t(`community.joinPolicyShort.${community.joinPolicy}`)}</span>
        {community.visibility === "MEMBERS" ? (
          <>
            <span aria-hidden="true">·</span>
            <span>{t("community.visibility.MEMBERS")}</span>
          </>
        ) : null}
      </div>
      {membership ? (
        <p className="community-card__badge">
          {membership.status === "PENDING" ? (
            <Badge tone="warning">{t("community.badge.pending")}</Badge>
          ) : membership.role === "FACILITATOR" ? (
            <Badge tone="accent">{t("community.badge.facilitator")}</Badge>
          ) : (
            <Badge tone="success">{t("community.badge.member")}</Badge>
          )}
        </p>
      ) : null}
    </Card>
  );
}
