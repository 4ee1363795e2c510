import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { graphql } from "../../gql";
import type { FundingCallSummaryFragment } from "../../gql/graphql";
import { Badge } from "../../ui/Badge";
import { formatEuros } from "./callTime";
import { Deadline } from "./Deadline";
import { FollowButton } from "./FollowButton";
import { programmeName } from "./labels";

export const fundingCallSummaryFragment = graphql(`
  fragment FundingCallSummary on FundingCall {
    id
    identifier
    title
    programme
    status
    deadlineAt
    deadlineTimeZone
    budgetTotal
    closingSoon
    archived
    viewerFollows
  }
`);

export const STATUS_TONE = { OPEN: "success", FORTHCOMING: "accent", CLOSED: "neutral", UNKNOWN: "neutral" } as const;

interface Props {
  call: FundingCallSummaryFragment;
  /** Signed in: the follow button shows. */
  canFollow: boolean;
  headingLevel?: 2 | 3;
}

/** A call in a list: what tells calls apart at a glance, and a link to the whole of it. */
export function CallCard({ call, canFollow, headingLevel = 2 }: Props) {
  const { t, i18n } = useTranslation();
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const budget = formatEuros(call.budgetTotal, i18n.language);
  return (
    <article className="hub-card">
      <p className="hub-card__meta">
        <span className="hub-card__identifier">{call.identifier}</span>
        <span>{programmeName(t, call.programme)}</span>
      </p>
      <Heading className="hub-card__title">
        <Link to={`/hub/calls/${call.id}`}>{call.title}</Link>
      </Heading>
      <p className="hub-card__badges">
        <Badge tone={STATUS_TONE[call.status]}>{t(`hub.status.${call.status}`)}</Badge>
        {call.closingSoon ? <Badge tone="warning">{t("hub.call.closingSoon")}</Badge> : null}
        {call.archived ? <Badge>{t("hub.call.archived")}</Badge> : null}
      </p>
      <dl className="hub-card__facts">
        <div>
          <dt>{t("hub.call.deadline")}</dt>
          <dd>
            <Deadline at={call.deadlineAt} timeZone={call.deadlineTimeZone} />
          </dd>
        </div>
        {budget ? (
          <div>
            <dt>{t("hub.call.budget")}</dt>
            <dd>{budget}</dd>
          </div>
        ) : null}
      </dl>
      {canFollow ? <FollowButton id={call.id} title={call.title} follows={call.viewerFollows} /> : null}
    </article>
  );
}
