import { useMutation, useQuery } from "@apollo/client/react";
import { REQUEST_CPV_MAX } from "@pratica/rules";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router";
import { fieldProblem } from "../../app/errors";
import { usePageTitle } from "../../app/usePageTitle";
import { useFormProblems } from "../../app/useProblemMessage";
import { graphql } from "../../gql";
import type { RequestEditFieldsFragment } from "../../gql/graphql";
import { Alert } from "../../ui/Alert";
import { Field, SelectField } from "../../ui/Field";
import { FormActions } from "../../ui/FormActions";
import { PageHeader } from "../../ui/PageHeader";
import { MessagePage, PageError, PageLoading } from "../../ui/PageStates";
import { useFormRefusals } from "../../ui/useFormRefusals";
import { fromZonedInput, toZonedInput } from "../events/eventTime";
import { NotFoundContent } from "../not-found/NotFoundPage";
import { AreaFields } from "./AreaFields";
import { type CpvChoice, CpvPicker } from "./CpvPicker";
import { type RequestDraft, requestProblems } from "./request.rules";
import { BUDGET_BANDS, CERTIFICATION_KINDS, REQUEST_TIME_ZONE, useRepresentedOrganizations } from "./shared";
import "./buy-social.css";

graphql(`
  fragment RequestEditFields on BuyerRequest {
    id
    title
    description
    state
    version
    wholeMetroArea
    budgetBand
    deadlineAt
    preferredCertifications
    viewerCanEdit
    buyer {
      id
      name
    }
    cpvCodes {
      ...CpvChoice
    }
    areaCodes
  }
`);

const editQuery = graphql(`
  query BuyerRequestEdit($id: ID!) {
    buyerRequest(id: $id) {
      id
      ...RequestEditFields
    }
  }
`);

const createMutation = graphql(`
  mutation CreateBuyerRequest($input: CreateBuyerRequestInput!) {
    createBuyerRequest(input: $input) {
      id
      ...RequestEditFields
    }
  }
`);

const updateMutation = graphql(`
  mutation UpdateBuyerRequest($input: UpdateBuyerRequestInput!) {
    updateBuyerRequest(input: $input) {
      id
      ...RequestEditFields
    }
  }
`);

/** /buy-social/requests/new: a buyer's representative writes a request (saved as a draft). */
export function NewRequestPage() {
  const { t } = useTranslation();
  usePageTitle(t("buySocial.form.newTitle"));
  const { organizations, loading, signedIn } = useRepresentedOrganizations();
  if (loading) return <PageLoading />;
  if (organizations.length === 0) return <NotRepresentative signedIn={signedIn} />;
  return <RequestForm organizations={organizations} existing={null} cpv={[]} />;
}

/** /buy-social/requests/:id/edit: the request while a draft or open, by the buyer's people. */
export function EditRequestPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const { data, loading, error, refetch } = useQuery(editQuery, { variables: { id }, fetchPolicy: "network-only" });
  const request = data?.buyerRequest;
  usePageTitle(request ? t("buySocial.form.editTitle") : data ? t("buySocial.request.notFoundTitle") : null);
  if (loading && !data) return <PageLoading />;
  if (error && !data) return <PageError error={error} retry={refetch} />;
  if (!request?.viewerCanEdit)
    return <NotFoundContent title={t("buySocial.request.notFoundTitle")} body={t("buySocial.request.notFoundBody")} />;
  return <EditRequestForm request={request} />;
}

function EditRequestForm({ request }: { request: RequestEditFieldsFragment }) {
  const cpv = request.cpvCodes;
  return (
    <RequestForm organizations={[{ id: request.buyer.id, name: request.buyer.name }]} existing={request} cpv={cpv} />
  );
}

function NotRepresentative({ signedIn }: { signedIn: boolean }) {
  const { t } = useTranslation();
  return (
    <MessagePage
      title={t("buySocial.form.newTitle")}
      body={signedIn ? t("buySocial.form.notRepresentative") : t("buySocial.form.signIn")}
      actions={null}
    />
  );
}

function draftOf(
  existing: RequestEditFieldsFragment | null,
  organizationId: string,
  cpv: readonly CpvChoice[],
): RequestDraft {
  if (!existing)
    return {
      organizationId,
      title: "",
      description: "",
      cpv: [],
      area: { wholeMetroArea: false, codes: [] },
      budgetBand: "",
      deadline: "",
      preferred: [],
    };
  return {
    organizationId: existing.buyer.id,
    title: existing.title,
    description: existing.description,
    cpv: [...cpv],
    area: { wholeMetroArea: existing.wholeMetroArea, codes: [...existing.areaCodes] },
    budgetBand: existing.budgetBand,
    deadline: toZonedInput(existing.deadlineAt, REQUEST_TIME_ZONE),
    preferred: existing.preferredCertifications,
  };
}

function RequestForm({
  organizations,
  existing,
  cpv,
}: {
  organizations: readonly { id: string; name: string }[];
  existing: RequestEditFieldsFragment | null;
  cpv: readonly CpvChoice[];
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [draft, setDraft] = useState<RequestDraft>(() => draftOf(existing, organizations[0]?.id ?? "", cpv));
  const { formRef, problems, refuse, clearProblems } = useFormRefusals();
  const formProblems = useFormProblems();
  const [create, creating] = useMutation(createMutation);
  const [update, updating] = useMutation(updateMutation);
  const set = <K extends keyof RequestDraft>(key: K, value: RequestDraft[K]) =>
    setDraft((current) => ({ ...current, [key]: value }));

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const local = requestProblems(t, draft);
    if (Object.keys(local).length > 0) return refuse({ fields: local, general: null });
    clearProblems();
    const fields = {
      title: draft.title.trim(),
      description: draft.description.trim(),
      cpvCodes: draft.cpv.map((c) => c.code),
      area: draft.area.wholeMetroArea ? [] : draft.area.codes,
      wholeMetroArea: draft.area.wholeMetroArea,
      budgetBand: draft.budgetBand || "UNDER_5K",
      deadlineAt: fromZonedInput(draft.deadline, REQUEST_TIME_ZONE) ?? "",
      preferredCertifications: draft.preferred,
    } as const;
    try {
      if (existing) {
        await update({ variables: { input: { id: existing.id, version: existing.version, ...fields } } });
        navigate(`/buy-social/requests/${existing.id}`);
      } else {
        const result = await create({ variables: { input: { organizationId: draft.organizationId, ...fields } } });
        const id = result.data?.createBuyerRequest.id;
        if (id) navigate(`/buy-social/requests/${id}`);
      }
    } catch (error) {
      const refused = formProblems(error);
      // The api names the first field at fault; a list's item ("cpvCodes.2") is about the list.
      const cpv = fieldProblem(error, "cpvCodes.0");
      refuse(cpv ? { ...refused, fields: { ...refused.fields, cpvCodes: cpv } } : refused);
    }
  }

  const title = existing ? t("buySocial.form.editTitle") : t("buySocial.form.newTitle");
  const crumbs = [
    { to: "/buy-social", label: t("buySocial.directory.title") },
    { to: "/buy-social/requests", label: t("buySocial.requests.title") },
  ];
  return (
    <>
      <PageHeader crumbs={crumbs}>
        <h1 className="page__title">{title}</h1>
        <p className="page__meta">{t("buySocial.form.lead")}</p>
      </PageHeader>
      <div className="container page page--narrow">
        <form ref={formRef} onSubmit={(e) => void onSubmit(e)} noValidate className="request-form">
          {problems.general ? <Alert title={problems.general} /> : null}
          <SelectField
            label={t("buySocial.organization")}
            value={draft.organizationId}
            disabled={Boolean(existing)}
            onChange={(e) => set("organizationId", e.target.value)}
            error={problems.fields.organizationId}
          >
            {organizations.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </SelectField>
          <Field
            label={t("buySocial.form.title")}
            value={draft.title}
            onChange={(e) => set("title", e.target.value)}
            error={problems.fields.title}
            required
          />
          <Field
            multiline
            rows={6}
            label={t("buySocial.form.description")}
            value={draft.description}
            onChange={(e) => set("description", e.target.value)}
            error={problems.fields.description}
          />
          <CpvPicker
            label={t("buySocial.cpv.codes")}
            value={draft.cpv}
            onChange={(cpv) => set("cpv", cpv)}
            max={REQUEST_CPV_MAX}
            error={problems.fields.cpvCodes}
          />
          <AreaFields
            legend={t("buySocial.form.area")}
            value={draft.area}
            onChange={(area) => set("area", area)}
            error={problems.fields.area}
          />
          <SelectField
            label={t("buySocial.form.budgetBand")}
            value={draft.budgetBand}
            onChange={(e) => set("budgetBand", e.target.value as RequestDraft["budgetBand"])}
            error={problems.fields.budgetBand}
          >
            <option value="">{t("buySocial.form.chooseBand")}</option>
            {BUDGET_BANDS.map((band) => (
              <option key={band} value={band}>
                {t(`buySocial.band.${band}`)}
              </option>
            ))}
          </SelectField>
          <Field
            type="datetime-local"
            label={t("buySocial.form.deadline")}
            hint={t("buySocial.form.deadlineHint")}
            value={draft.deadline}
            onChange={(e) => set("deadline", e.target.value)}
            error={problems.fields.deadlineAt}
          />
          <fieldset className="field">
            <legend className="field__label">{t("buySocial.form.preferred")}</legend>
            <p className="field__hint">{t("buySocial.form.preferredHint")}</p>
            {CERTIFICATION_KINDS.map((kind) => (
              <label key={kind} className="checkbox">
                <input
                  type="checkbox"
                  checked={draft.preferred.includes(kind)}
                  onChange={(e) =>
                    set(
                      "preferred",
                      e.target.checked ? [...draft.preferred, kind] : draft.preferred.filter((k) => k !== kind),
                    )
                  }
                />{" "}
                {t(`buySocial.kind.${kind}`)}
              </label>
            ))}
          </fieldset>
          <FormActions
            submitLabel={existing ? t("buySocial.form.save") : t("buySocial.form.create")}
            busy={creating.loading || updating.loading}
            onCancel={() => navigate(existing ? `/buy-social/requests/${existing.id}` : "/buy-social/requests")}
          />
        </form>
      </div>
    </>
  );
}
