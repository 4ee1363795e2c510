import { useTranslation } from "react-i18next";
import type { CaseState } from "../../gql/graphql";
import { Badge } from "../../ui/Badge";

const TONE: Record<CaseState, "neutral" | "accent" | "success" | "warning"> = {
  OPEN: "accent",
  APPEALED: "accent",
  ACTIONED: "warning",
  UPHELD: "warning",
  DISMISSED: "neutral",
  OVERTURNED: "success",
};

export function CaseStateBadge({ state }: { state: CaseState }) {
  const { t } = useTranslation();
  return <Badge tone={TONE[state]}>{t(`moderation.state.${state}`)}</Badge>;
}
