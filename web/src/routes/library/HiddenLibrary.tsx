import { useTranslation } from "react-i18next";
import { hasCode } from "../../app/errors";
import type { CommunityVisibility } from "../../gql/graphql";
import { EmptyState } from "../../ui/EmptyState";

export const isRefusal = (error: unknown) => hasCode(error, "FORBIDDEN") || hasCode(error, "UNAUTHENTICATED");

/** What a visitor who may not read the library sees instead of it. */
export function HiddenLibrary({ visibility }: { visibility: CommunityVisibility }) {
  const { t } = useTranslation();
  return (
    <EmptyState title={t("library.hiddenTitle")}>
      <p>{visibility === "MEMBERS" ? t("library.hiddenMembersOnly") : t("library.hiddenBody")}</p>
    </EmptyState>
  );
}
