import { useTranslation } from "react-i18next";
import type { ApplicationStatus } from "../../gql/graphql";
import { Badge } from "../../ui/Badge";

const TONES: Record<ApplicationStatus, "neutral" | "accent" | "success" | "warning"> = {
  SUBMITTED: "accent",
  INFO_REQUESTED: "warning",
  ACCEPTED: "success",
  DECLINED: "neutral",
  WITHDRAWN: "neutral",
};

/** An application's status in words (never by colour alone). */
export function StatusBadge({ status }: { status: ApplicationStatus }) {
  const { t } = useTranslation();
  return <Badge tone={TONES[status]}>{t(`joining.status.${status}`)}</Badge>;
}
