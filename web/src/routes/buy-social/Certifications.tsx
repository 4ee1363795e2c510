import { useMutation } from "@apollo/client/react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { graphql } from "../../gql";
import type { CertificationFieldsFragment } from "../../gql/graphql";
import { ActionProblem } from "../../ui/ActionProblem";
import { Badge } from "../../ui/Badge";
import { Button } from "../../ui/Button";
import { formatDate } from "../../ui/format";
import { useCertificationName } from "./CertificationBadges";
import { CertificationForm } from "./CertificationForm";

graphql(`
  fragment CertificationFields on Certification {
    id
    kind
    label
    evidenceUrl
    evidenceNote
    validFrom
    validUntil
    expired
    bcorpScore
    recertificationDue
    impactReportUrl
    impactReportYear
    verification
    verifiedAt
    rejectionReason
    version
    directConventionEligible
  }
`);

const removeMutation = graphql(`
  mutation RemoveCertification($id: ID!, $version: Int!) {
    removeCertification(id: $id, version: $version)
  }
`);

interface Props {
  organizationId: string;
  certifications: readonly CertificationFieldsFragment[];
  canEdit: boolean;
  onDone: () => void;
}

/**
 * A supplier's certifications: the public sees the verified ones; its people see all with their
 * verification status, and its representatives add, edit (back to pending) and remove them.
 */
export function Certifications({ organizationId, certifications, canEdit, onDone }: Props) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
  return (
    <section aria-labelledby="supplier-certifications" className="certifications">
      <h2 id="supplier-certifications">{t("buySocial.certifications")}</h2>
      {certifications.length === 0 ? <p>{t("buySocial.cert.none")}</p> : null}
      <ul className="cert-list">
        {certifications.map((c) => (
          <li key={c.id}>
            {editing === c.id ? (
              <CertificationForm
                organizationId={organizationId}
                certification={c}
                onClose={() => setEditing(null)}
                onDone={() => {
                  setEditing(null);
                  onDone();
                }}
              />
            ) : (
              <CertificationCard certification={c} canEdit={canEdit} onEdit={() => setEditing(c.id)} onDone={onDone} />
            )}
          </li>
        ))}
      </ul>
      {canEdit ? (
        adding ? (
          <CertificationForm
            organizationId={organizationId}
            certification={null}
            onClose={() => setAdding(false)}
            onDone={() => {
              setAdding(false);
              onDone();
            }}
          />
        ) : (
          <p>
            <Button variant="secondary" size="sm" onClick={() => setAdding(true)}>
              {t("buySocial.cert.add")}
            </Button>
          </p>
        )
      ) : null}
    </section>
  );
}

export function VerificationBadge({ certification }: { certification: CertificationFieldsFragment }) {
  const { t } = useTranslation();
  const tone =
    certification.verification === "VERIFIED"
      ? "success"
      : certification.verification === "REJECTED"
        ? "warning"
        : "neutral";
  return <Badge tone={tone}>{t(`buySocial.verification.${certification.verification}`)}</Badge>;
}

/** The details of one certification, as its kind asks for. */
export function CertificationDetails({ certification: c }: { certification: CertificationFieldsFragment }) {
  const { t, i18n } = useTranslation();
  const date = (value: string) => formatDate(value, i18n.language);
  return (
    <dl className="cert__facts">
      {c.validFrom || c.validUntil ? (
        <>
          <dt>{t("buySocial.cert.validity")}</dt>
          <dd>
            {c.validFrom ? date(c.validFrom) : "…"} – {c.validUntil ? date(c.validUntil) : "…"}
          </dd>
        </>
      ) : null}
      {c.kind === "B_CORP" && c.bcorpScore != null ? (
        <>
          <dt>{t("buySocial.cert.bcorpScore")}</dt>
          <dd>{new Intl.NumberFormat(i18n.language).format(c.bcorpScore)}</dd>
        </>
      ) : null}
      {c.kind === "B_CORP" && c.recertificationDue ? (
        <>
          <dt>{t("buySocial.cert.recertificationDue")}</dt>
          <dd>{date(c.recertificationDue)}</dd>
        </>
      ) : null}
      {c.kind === "BENEFIT_CORPORATION" && c.impactReportUrl ? (
        <>
          <dt>{t("buySocial.cert.impactReport")}</dt>
          <dd>
            <a href={c.impactReportUrl} rel="noopener noreferrer" target="_blank">
              {c.impactReportYear ? t("buySocial.cert.reportOf", { year: c.impactReportYear }) : c.impactReportUrl}
            </a>
          </dd>
        </>
      ) : null}
      {c.evidenceUrl ? (
        <>
          <dt>{t("buySocial.cert.evidenceUrl")}</dt>
          <dd>
            <a href={c.evidenceUrl} rel="noopener noreferrer" target="_blank">
              {c.evidenceUrl}
            </a>
          </dd>
        </>
      ) : null}
      {c.evidenceNote ? (
        <>
          <dt>{t("buySocial.cert.evidenceNote")}</dt>
          <dd>{c.evidenceNote}</dd>
        </>
      ) : null}
      {c.verification === "REJECTED" && c.rejectionReason ? (
        <>
          <dt>{t("buySocial.cert.rejectionReason")}</dt>
          <dd>{c.rejectionReason}</dd>
        </>
      ) : null}
    </dl>
  );
}

function CertificationCard({
  certification: c,
  canEdit,
  onEdit,
  onDone,
}: {
  certification: CertificationFieldsFragment;
  canEdit: boolean;
  onEdit: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const name = useCertificationName();
  const [remove, { loading, error }] = useMutation(removeMutation);
  return (
    <article className="cert card" aria-label={name(c)}>
      <h3 className="cert__name">{name(c)}</h3>
      <p className="cert__flags">
        <VerificationBadge certification={c} />{" "}
        {c.expired ? <Badge tone="warning">{t("buySocial.cert.expired")}</Badge> : null}{" "}
        {c.directConventionEligible ? <Badge tone="success">{t("buySocial.directConvention")}</Badge> : null}
      </p>
      <CertificationDetails certification={c} />
      {canEdit ? (
        <p className="actions">
          <Button
            size="sm"
            variant="secondary"
            onClick={onEdit}
            aria-label={t("buySocial.cert.editOf", { name: name(c) })}
          >
            {t("buySocial.cert.edit")}
          </Button>
          <Button
            size="sm"
            variant="danger"
            busy={loading}
            aria-label={t("buySocial.cert.removeOf", { name: name(c) })}
            onClick={() => void remove({ variables: { id: c.id, version: c.version } }).then(onDone, () => undefined)}
          >
            {t("buySocial.remove")}
          </Button>
        </p>
      ) : null}
      {error ? <ActionProblem error={error} /> : null}
    </article>
  );
}
