import { useTranslation } from "react-i18next";
import type { DeliverableStatus } from "../../gql/graphql";
import { Badge } from "../../ui/Badge";
import { STATUS_TONE } from "./deliverable.fragment";

/** Where a document stands in its lifecycle, in words (never colour alone). */
export function DeliverableStatusBadge({ status }: { status: DeliverableStatus }) {
  const { t } = useTranslation();
  return <Badge tone={STATUS_TONE[status]}>{t(`documents.status.${status}`)}</Badge>;
}
