import { useMutation } from "@apollo/client/react";
import { SUPPLIER_CAPACITY_MAX, SUPPLIER_CPV_MAX, SUPPLIER_OFFER_MAX } from "@pratica/rules";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { useFormProblems } from "../../app/useProblemMessage";
import { graphql } from "../../gql";
import { Alert } from "../../ui/Alert";
import { Field } from "../../ui/Field";
import { FormActions } from "../../ui/FormActions";
import { useFormRefusals } from "../../ui/useFormRefusals";
import { AreaFields, type AreaValue } from "./AreaFields";
import { type CpvChoice, CpvPicker } from "./CpvPicker";

const saveMutation = graphql(`
  mutation SaveSupplierProfile($input: SaveSupplierProfileInput!) {
    saveSupplierProfile(input: $input) {
      version
      offer
      published
    }
  }
`);

interface ProfileValues {
  offerEn: string;
  offerIt: string;
  capacity: string;
  version: number;
  published: boolean;
  wholeMetroArea: boolean;
  cpvCodes: readonly CpvChoice[];
  serviceArea: readonly { code: string }[];
}

interface Props {
  organizationId: string;
  profile: ProfileValues | null;
  /** Null when there is no profile yet (nothing to go back to). */
  onCancel: (() => void) | null;
  onSaved: () => void;
}

/** A representative writes what the organisation supplies, in Italian and English, and where. */
export function SupplierProfileForm({ organizationId, profile, onCancel, onSaved }: Props) {
  const { t } = useTranslation();
  const [offerEn, setOfferEn] = useState(profile?.offerEn ?? "");
  const [offerIt, setOfferIt] = useState(profile?.offerIt ?? "");
  const [capacity, setCapacity] = useState(profile?.capacity ?? "");
  const [cpv, setCpv] = useState<CpvChoice[]>([...(profile?.cpvCodes ?? [])]);
  const [area, setArea] = useState<AreaValue>({
    wholeMetroArea: profile?.wholeMetroArea ?? false,
    codes: profile?.serviceArea.map((m) => m.code) ?? [],
  });
  const [published, setPublished] = useState(profile?.published ?? true);
  const { formRef, problems, refuse, clearProblems } = useFormRefusals();
  const formProblems = useFormProblems();
  const [save, { loading }] = useMutation(saveMutation);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const local: Record<string, string> = {};
    if (!offerEn.trim() && !offerIt.trim()) local.offerEn = t("buySocial.profile.offerRequired");
    if (offerEn.length > SUPPLIER_OFFER_MAX) local.offerEn = t("buySocial.form.tooLong", { max: SUPPLIER_OFFER_MAX });
    if (offerIt.length > SUPPLIER_OFFER_MAX) local.offerIt = t("buySocial.form.tooLong", { max: SUPPLIER_OFFER_MAX });
    if (capacity.length > SUPPLIER_CAPACITY_MAX)
      local.capacity = t("buySocial.form.tooLong", { max: SUPPLIER_CAPACITY_MAX });
    if (cpv.length === 0) local.cpvCodes = t("buySocial.form.cpvRequired");
    if (!area.wholeMetroArea && area.codes.length === 0) local.serviceArea = t("buySocial.form.areaRequired");
    if (Object.keys(local).length > 0) return refuse({ fields: local, general: null });
    clearProblems();
    try {
      await save({
        variables: {
          input: {
            organizationId,
            version: profile?.version ?? null,
            offerEn: offerEn.trim(),
            offerIt: offerIt.trim(),
            capacity: capacity.trim(),
            cpvCodes: cpv.map((c) => c.code),
            serviceArea: area.wholeMetroArea ? [] : area.codes,
            wholeMetroArea: area.wholeMetroArea,
            published,
          },
        },
      });
      onSaved();
    } catch (error) {
      refuse(formProblems(error));
    }
  }

  return (
    <form ref={formRef} onSubmit={(e) => void onSubmit(e)} noValidate className="supplier-form">
      <h2>{profile ? t("buySocial.profile.editTitle") : t("buySocial.profile.createTitle")}</h2>
      {problems.general ? <Alert title={problems.general} /> : null}
      <Field
        multiline
        rows={4}
        lang="it"
        label={t("buySocial.profile.offerIt")}
        value={offerIt}
        onChange={(e) => setOfferIt(e.target.value)}
        error={problems.fields.offerIt}
      />
      <Field
        multiline
        rows={4}
        lang="en"
        label={t("buySocial.profile.offerEn")}
        value={offerEn}
        onChange={(e) => setOfferEn(e.target.value)}
        error={problems.fields.offerEn}
      />
      <Field
        label={t("buySocial.profile.capacity")}
        hint={t("buySocial.profile.capacityHint")}
        value={capacity}
        onChange={(e) => setCapacity(e.target.value)}
        error={problems.fields.capacity}
      />
      <CpvPicker
        label={t("buySocial.cpv.codes")}
        value={cpv}
        onChange={setCpv}
        max={SUPPLIER_CPV_MAX}
        error={problems.fields.cpvCodes}
      />
      <AreaFields
        legend={t("buySocial.area.label")}
        value={area}
        onChange={setArea}
        error={problems.fields.serviceArea}
      />
      <label className="checkbox">
        <input type="checkbox" checked={published} onChange={(e) => setPublished(e.target.checked)} />{" "}
        {t("buySocial.profile.published")}
      </label>
      <FormActions
        submitLabel={t("buySocial.profile.save")}
        busy={loading}
        onCancel={onCancel ?? (() => formRef.current?.reset())}
      />
    </form>
  );
}
