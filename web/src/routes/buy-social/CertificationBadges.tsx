import { useTranslation } from "react-i18next";
import type { CertificationKind, CertificationVerification } from "../../gql/graphql";
import { Badge } from "../../ui/Badge";

export interface BadgeCertification {
  id: string;
  kind: CertificationKind;
  label?: string | null;
  verification: CertificationVerification;
  expired: boolean;
}

/** A certification's name: its kind, or the name given to an OTHER one. */
export function useCertificationName() {
  const { t } = useTranslation();
  return (c: { kind: CertificationKind; label?: string | null }) =>
    c.kind === "OTHER" && c.label ? c.label : t(`buySocial.kind.${c.kind}`);
}

/**
 * The verified certifications of a supplier as badges (an expired one says so), and the type B
 * social cooperative's badge for direct conventions when the api says it applies.
 */
export function CertificationBadges({
  certifications,
  directConventionEligible,
}: {
  certifications: readonly BadgeCertification[];
  directConventionEligible: boolean;
}) {
  const { t } = useTranslation();
  const name = useCertificationName();
  const verified = certifications.filter((c) => c.verification === "VERIFIED");
  if (verified.length === 0 && !directConventionEligible) return null;
  return (
    <ul className="cert-badges" aria-label={t("buySocial.certifications")}>
      {directConventionEligible ? (
        <li>
          <Badge tone="success">{t("buySocial.directConvention")}</Badge>
        </li>
      ) : null}
      {verified.map((c) => (
        <li key={c.id}>
          <Badge tone={c.expired ? "warning" : "accent"}>
            {c.expired ? t("buySocial.expiredName", { name: name(c) }) : name(c)}
          </Badge>
        </li>
      ))}
    </ul>
  );
}
