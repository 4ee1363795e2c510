import { useMutation, useQuery } from "@apollo/client/react";
import { type FormEvent, useCallback, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { graphql } from "../../gql";
import { ActionProblem } from "../../ui/ActionProblem";
import { ErrorState } from "../../ui/ErrorState";
import { Loading } from "../../ui/Loading";
import { LoadMore } from "../../ui/LoadMore";
import { SaveActions } from "../../ui/SaveActions";
import { useLoadMore } from "../../ui/useLoadMore";
import type { DeliverableView } from "./deliverable.fragment";

const setDeliverableOrganizationsMutation = graphql(`
  mutation SetDeliverableOrganizations($input: SetDeliverableOrganizationsInput!) {
    setDeliverableOrganizations(input: $input) {
      id
      ...DeliverableHead
    }
  }
`);

const partnerOrganizationsQuery = graphql(`
  query CoAuthorCandidates($after: String) {
    organizations(first: 100, after: $after) {
      edges {
        node {
          id
          name
          category
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

/** The co-authoring organisations: the whole list is sent when saved. */
export function CoAuthorOrganizations({ deliverable }: { deliverable: DeliverableView }) {
  const { t } = useTranslation();
  const id = useId();
  const { data, loading, error, refetch, fetchMore } = useQuery(partnerOrganizationsQuery);
  const pager = useLoadMore(
    data?.organizations.pageInfo,
    useCallback((after: string) => fetchMore({ variables: { after } }), [fetchMore]),
  );
  const [chosen, setChosen] = useState<ReadonlySet<string>>(() => new Set(deliverable.organizations.map((o) => o.id)));
  const [saved, setSaved] = useState(false);
  const [save, state] = useMutation(setDeliverableOrganizationsMutation);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(false);
    try {
      await save({ variables: { input: { deliverableId: deliverable.id, organizationIds: [...chosen] } } });
      setSaved(true);
    } catch {
      // shown below
    }
  }

  return (
    <form className="editor-page__section card" aria-labelledby={`${id}-title`} onSubmit={(e) => void onSubmit(e)}>
      <h2 id={`${id}-title`}>{t("manage.organizationsTitle")}</h2>
      {loading && !data ? <Loading /> : null}
      {error && !data ? <ErrorState error={error} retry={refetch} /> : null}
      {data ? (
        <fieldset className="manage-orgs">
          <legend className="visually-hidden">{t("manage.organizationsTitle")}</legend>
          {data.organizations.edges.map(({ node: organization }) => (
            <label key={organization.id}>
              <input
                type="checkbox"
                checked={chosen.has(organization.id)}
                onChange={(event) => {
                  const next = new Set(chosen);
                  if (event.target.checked) next.add(organization.id);
                  else next.delete(organization.id);
                  setChosen(next);
                  setSaved(false);
                }}
              />
              <span>{organization.name}</span>
            </label>
          ))}
        </fieldset>
      ) : null}
      <LoadMore pager={pager} />
      <ActionProblem error={state.error} />
      <SaveActions label={t("manage.saveOrganizations")} busy={state.loading} saved={saved} />
    </form>
  );
}
