import { useTranslation } from "react-i18next";
import type { ResourceStatus } from "../../gql/graphql";
import { Badge } from "../../ui/Badge";

const TONE = {
  PROPOSED: "warning",
  CHANGES_REQUESTED: "warning",
  PUBLISHED: "success",
  FEATURED: "accent",
  REJECTED: "neutral",
  ARCHIVED: "neutral",
} as const satisfies Record<ResourceStatus, string>;

/** Where a resource stands in the curation workflow. */
export function StatusBadge({ status }: { status: ResourceStatus }) {
  const { t } = useTranslation();
  return <Badge tone={TONE[status]}>{t(`library.status.${status}`)}</Badge>;
}
