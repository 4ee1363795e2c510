import { useMutation } from "@apollo/client/react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { hasCode } from "../../app/errors";
import { usePageTitle } from "../../app/usePageTitle";
import { graphql } from "../../gql";
import { ButtonLink } from "../../ui/Button";
import { ChangeRefusals } from "../../ui/ChangeRefusals";
import { EditorPage } from "../../ui/EditorPage";
import { MessagePage, PageError, PageLoading } from "../../ui/PageStates";
import { TitleSummaryForm } from "../../ui/TitleSummaryForm";
import { useVersionedChanges } from "../../ui/useVersionedChanges";
import { NotFoundContent } from "../not-found/NotFoundPage";
import { CoAuthorOrganizations } from "./CoAuthorOrganizations";
import { useDeliverablePage } from "./DeliverablePage";
import { DeliverableStatusBadge } from "./DeliverableStatusBadge";
import { DocumentEditors } from "./DocumentEditors";
import { DocumentOutline } from "./DocumentOutline";
import type { DeliverableView } from "./deliverable.fragment";
import { documentRules } from "./deliverable.rules";
import "./deliverable.css";
import "./manage.css";

const updateDeliverableMutation = graphql(`
  mutation UpdateDeliverable($input: UpdateDeliverableInput!) {
    updateDeliverable(input: $input) {
      id
      ...DeliverableHead
    }
  }
`);

/** `/d/:id/manage`: the editors' page for who edits, who co-authors, and the outline. */
export function ManageDocumentPage() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const { data, loading, error, refetch } = useDeliverablePage(id);
  const deliverable = data?.deliverable ?? null;
  usePageTitle(deliverable ? t("manage.pageTitle", { title: deliverable.title }) : null);

  if (loading && !data) return <PageLoading />;
  if (error && !data && !hasCode(error, "NOT_FOUND")) return <PageError error={error} retry={refetch} />;
  if (!deliverable) return <NotFoundContent title={t("document.notFoundTitle")} body={t("document.notFoundBody")} />;
  if (!deliverable.viewerIsEditor) {
    return (
      <MessagePage
        title={t("manage.forbiddenTitle")}
        body={t("manage.forbiddenBody")}
        actions={<ButtonLink to={`/d/${deliverable.id}`}>{t("manage.back")}</ButtonLink>}
      />
    );
  }
  return <Manage key={deliverable.id} deliverable={deliverable} refetch={() => refetch()} />;
}

function Manage({ deliverable, refetch }: { deliverable: DeliverableView; refetch: () => Promise<unknown> }) {
  const { t } = useTranslation();
  const community = deliverable.community;
  const { run, conflict, dismissConflict, problem } = useVersionedChanges(deliverable.version, { refetch });
  const [updateDeliverable, updateState] = useMutation(updateDeliverableMutation);

  return (
    <EditorPage
      titleId="manage-title"
      title={t("manage.title")}
      color={community.color}
      crumbs={[
        { to: `/c/${community.slug}`, label: community.name },
        { to: `/c/${community.slug}?tab=documents`, label: t("documents.title") },
        { to: `/d/${deliverable.id}`, label: deliverable.title },
      ]}
      flags={<DeliverableStatusBadge status={deliverable.status} />}
      back={{ to: `/d/${deliverable.id}`, label: t("manage.back") }}
    >
      <ChangeRefusals
        conflict={conflict}
        problem={problem}
        onDismiss={dismissConflict}
        conflictTitle={t("manage.conflictTitle")}
        conflictBody={t("manage.conflictBody")}
      />

      {deliverable.viewerCanEdit ? (
        <TitleSummaryForm
          current={{ title: deliverable.title, summary: deliverable.summary }}
          headingId="manage-details-title"
          heading={t("manage.detailsTitle")}
          submitLabel={t("manage.saveDetails")}
          rules={documentRules(t)}
          busy={updateState.loading}
          onSave={(values) =>
            run(async (expectedVersion) => {
              const result = await updateDeliverable({
                variables: { input: { deliverableId: deliverable.id, expectedVersion, ...values } },
              });
              return result.data?.updateDeliverable;
            })
          }
        />
      ) : null}

      <DocumentEditors deliverable={deliverable} />
      <CoAuthorOrganizations deliverable={deliverable} />
      <DocumentOutline deliverable={deliverable} run={run} />
    </EditorPage>
  );
}
