import { useMutation } from "@apollo/client/react";
import { CERTIFICATION_LABEL_MAX, CERTIFICATION_NOTE_MAX } from "@pratica/rules";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { useFormProblems } from "../../app/useProblemMessage";
import { graphql } from "../../gql";
import type { CertificationFieldsFragment, CertificationKind } from "../../gql/graphql";
import { Alert } from "../../ui/Alert";
import { Field, SelectField } from "../../ui/Field";
import { FormActions } from "../../ui/FormActions";
import { useFormRefusals } from "../../ui/useFormRefusals";
import { CERTIFICATION_KINDS } from "./shared";

const addMutation = graphql(`
  mutation AddCertification($input: AddCertificationInput!) {
    addCertification(input: $input) {
      id
      ...CertificationFields
    }
  }
`);

const updateMutation = graphql(`
  mutation UpdateCertification($input: UpdateCertificationInput!) {
    updateCertification(input: $input) {
      id
      ...CertificationFields
    }
  }
`);

interface Props {
  organizationId: string;
  certification: CertificationFieldsFragment | null;
  onClose: () => void;
  onDone: () => void;
}

const isUrl = (text: string) => {
  try {
    const url = new URL(text);
    return url.protocol === "https:" || url.protocol === "http:";
  } catch {
    return false;
  }
};

/** Adds or edits a certification; the fields follow its kind. Any change waits for the platform team again. */
export function CertificationForm({ organizationId, certification: c, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<CertificationKind>(c?.kind ?? "SOCIAL_COOP_B");
  const [label, setLabel] = useState(c?.label ?? "");
  const [validFrom, setValidFrom] = useState(c?.validFrom ?? "");
  const [validUntil, setValidUntil] = useState(c?.validUntil ?? "");
  const [evidenceUrl, setEvidenceUrl] = useState(c?.evidenceUrl ?? "");
  const [evidenceNote, setEvidenceNote] = useState(c?.evidenceNote ?? "");
  const [bcorpScore, setBcorpScore] = useState(c?.bcorpScore != null ? String(c.bcorpScore) : "");
  const [recertificationDue, setRecertificationDue] = useState(c?.recertificationDue ?? "");
  const [impactReportUrl, setImpactReportUrl] = useState(c?.impactReportUrl ?? "");
  const [impactReportYear, setImpactReportYear] = useState(
    c?.impactReportYear != null ? String(c.impactReportYear) : "",
  );
  const { formRef, problems, refuse, clearProblems } = useFormRefusals();
  const formProblems = useFormProblems();
  const [add, adding] = useMutation(addMutation);
  const [update, updating] = useMutation(updateMutation);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const local: Record<string, string> = {};
    if (kind === "OTHER" && !label.trim()) local.label = t("buySocial.cert.labelRequired");
    if (label.length > CERTIFICATION_LABEL_MAX)
      local.label = t("buySocial.form.tooLong", { max: CERTIFICATION_LABEL_MAX });
    if (evidenceNote.length > CERTIFICATION_NOTE_MAX)
      local.evidenceNote = t("buySocial.form.tooLong", { max: CERTIFICATION_NOTE_MAX });
    if (evidenceUrl.trim() && !isUrl(evidenceUrl.trim())) local.evidenceUrl = t("buySocial.cert.urlInvalid");
    if (impactReportUrl.trim() && !isUrl(impactReportUrl.trim()))
      local.impactReportUrl = t("buySocial.cert.urlInvalid");
    if (validFrom && validUntil && validUntil < validFrom) local.validUntil = t("buySocial.cert.untilBeforeFrom");
    const score = bcorpScore.trim() ? Number(bcorpScore.replace(",", ".")) : null;
    if (score !== null && (!Number.isFinite(score) || score < 0 || score > 200))
      local.bcorpScore = t("buySocial.cert.scoreInvalid");
    const year = impactReportYear.trim() ? Number(impactReportYear) : null;
    if (year !== null && (!Number.isInteger(year) || year < 2000 || year > 2100))
      local.impactReportYear = t("buySocial.cert.yearInvalid");
    if (Object.keys(local).length > 0) return refuse({ fields: local, general: null });
    clearProblems();
    const fields = {
      kind,
      label: kind === "OTHER" ? label.trim() : null,
      evidenceUrl: evidenceUrl.trim() || null,
      evidenceNote: evidenceNote.trim(),
      validFrom: validFrom || null,
      validUntil: validUntil || null,
      bcorpScore: kind === "B_CORP" ? score : null,
      recertificationDue: kind === "B_CORP" ? recertificationDue || null : null,
      impactReportUrl: kind === "BENEFIT_CORPORATION" ? impactReportUrl.trim() || null : null,
      impactReportYear: kind === "BENEFIT_CORPORATION" ? year : null,
    };
    try {
      if (c) await update({ variables: { input: { id: c.id, version: c.version, ...fields } } });
      else await add({ variables: { input: { organizationId, ...fields } } });
      onDone();
    } catch (error) {
      refuse(formProblems(error));
    }
  }

  return (
    <form ref={formRef} onSubmit={(e) => void onSubmit(e)} noValidate className="cert-form card">
      <h3>{c ? t("buySocial.cert.editTitle") : t("buySocial.cert.addTitle")}</h3>
      <p className="field__hint">{t("buySocial.cert.reviewed")}</p>
      {problems.general ? <Alert title={problems.general} /> : null}
      <SelectField
        label={t("buySocial.cert.kind")}
        value={kind}
        onChange={(e) => setKind(e.target.value as CertificationKind)}
        error={problems.fields.kind}
      >
        {CERTIFICATION_KINDS.map((k) => (
          <option key={k} value={k}>
            {t(`buySocial.kind.${k}`)}
          </option>
        ))}
      </SelectField>
      {kind === "OTHER" ? (
        <Field
          label={t("buySocial.cert.label")}
          value={label}
          onChange={(e) => setLabel(e.target.value)}
          error={problems.fields.label}
        />
      ) : null}
      {kind === "B_CORP" ? (
        <>
          <Field
            label={t("buySocial.cert.bcorpScore")}
            inputMode="decimal"
            value={bcorpScore}
            onChange={(e) => setBcorpScore(e.target.value)}
            error={problems.fields.bcorpScore}
          />
          <Field
            type="date"
            label={t("buySocial.cert.recertificationDue")}
            value={recertificationDue}
            onChange={(e) => setRecertificationDue(e.target.value)}
            error={problems.fields.recertificationDue}
          />
        </>
      ) : null}
      {kind === "BENEFIT_CORPORATION" ? (
        <>
          <Field
            type="url"
            label={t("buySocial.cert.impactReportUrl")}
            value={impactReportUrl}
            onChange={(e) => setImpactReportUrl(e.target.value)}
            error={problems.fields.impactReportUrl}
          />
          <Field
            label={t("buySocial.cert.impactReportYear")}
            inputMode="numeric"
            value={impactReportYear}
            onChange={(e) => setImpactReportYear(e.target.value)}
            error={problems.fields.impactReportYear}
          />
        </>
      ) : null}
      <Field
        type="date"
        label={t("buySocial.cert.validFrom")}
        value={validFrom}
        onChange={(e) => setValidFrom(e.target.value)}
        error={problems.fields.validFrom}
      />
      <Field
        type="date"
        label={t("buySocial.cert.validUntil")}
        value={validUntil}
        onChange={(e) => setValidUntil(e.target.value)}
        error={problems.fields.validUntil}
      />
      <Field
        type="url"
        label={t("buySocial.cert.evidenceUrl")}
        value={evidenceUrl}
        onChange={(e) => setEvidenceUrl(e.target.value)}
        error={problems.fields.evidenceUrl}
      />
      <Field
        multiline
        label={t("buySocial.cert.evidenceNote")}
        value={evidenceNote}
        onChange={(e) => setEvidenceNote(e.target.value)}
        error={problems.fields.evidenceNote}
      />
      <FormActions
        submitLabel={c ? t("buySocial.cert.save") : t("buySocial.cert.addConfirm")}
        busy={adding.loading || updating.loading}
        onCancel={onClose}
        size="sm"
      />
    </form>
  );
}
