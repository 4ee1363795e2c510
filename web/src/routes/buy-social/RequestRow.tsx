import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { graphql } from "../../gql";
import type { RequestRowFieldsFragment } from "../../gql/graphql";
import { Badge } from "../../ui/Badge";
import { formatDateTime } from "../../ui/format";
import { areaSummary } from "./AreaFields";

export const requestRowFragment = graphql(`
  fragment RequestRowFields on BuyerRequest {
    id
    title
    state
    deadlineAt
    budgetBand
    wholeMetroArea
    buyer {
      id
      name
    }
    area {
      code
      name
    }
    cpvCodes {
      code
      label
    }
  }
`);

/** One request in a list: what, by whom, until when, its state. */
export function RequestRow({ request, headingLevel = 2 }: { request: RequestRowFieldsFragment; headingLevel?: 2 | 3 }) {
  const { t, i18n } = useTranslation();
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <li className="request-row card">
      <Heading className="request-row__title">
        <Link to={`/buy-social/requests/${request.id}`}>{request.title}</Link>
      </Heading>
      <p className="request-row__meta">
        <Badge tone={request.state === "OPEN" ? "success" : "neutral"}>{t(`buySocial.state.${request.state}`)}</Badge>{" "}
        {request.buyer.name} · {t(`buySocial.band.${request.budgetBand}`)} ·{" "}
        {areaSummary(t, request.wholeMetroArea, request.area)}
      </p>
      <p className="request-row__meta">
        {t("buySocial.request.deadline", { when: formatDateTime(request.deadlineAt, i18n.language) })}
      </p>
      {request.cpvCodes.length > 0 ? (
        <p className="request-row__cpv">{request.cpvCodes.map((c) => c.label).join(" · ")}</p>
      ) : null}
    </li>
  );
}
