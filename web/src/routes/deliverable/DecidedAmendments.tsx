import { useQuery } from "@apollo/client/react";
import { useTranslation } from "react-i18next";
import { graphql } from "../../gql";
import { ErrorState } from "../../ui/ErrorState";
import { Loading } from "../../ui/Loading";
import { AmendmentList } from "./AmendmentCard";
import type { SectionView } from "./deliverable.fragment";

/** Every amendment of the document, decided ones included; the panel keeps its section's. */
const deliverableAmendmentsQuery = graphql(`
  query DeliverableAmendments($id: ID!) {
    deliverable(id: $id) {
      id
      amendments {
        id
        ...AmendmentView
        section {
          id
        }
      }
    }
  }
`);

/** A section's accepted, rejected and withdrawn amendments, latest decision first. */
export function DecidedAmendments({
  deliverableId,
  section,
  viewerId,
  canComment,
  isEditor,
}: {
  deliverableId: string;
  section: SectionView;
  viewerId: string | null;
  canComment: boolean;
  isEditor: boolean;
}) {
  const { t } = useTranslation();
  const { data, loading, error, refetch } = useQuery(deliverableAmendmentsQuery, {
    variables: { id: deliverableId },
    fetchPolicy: "cache-and-network",
  });
  if (loading && !data) return <Loading />;
  if (error && !data) return <ErrorState error={error} retry={refetch} />;
  const decided = (data?.deliverable?.amendments ?? [])
    .filter((a) => a.section.id === section.id && a.status !== "OPEN")
    .sort((a, b) => String(b.decidedAt ?? b.createdAt).localeCompare(String(a.decidedAt ?? a.createdAt)));
  if (decided.length === 0) return <p className="amendments__none">{t("amendments.noneDecided")}</p>;
  return (
    <AmendmentList
      amendments={decided}
      section={section}
      viewerId={viewerId}
      canComment={canComment}
      isEditor={isEditor}
      onAnnounce={() => undefined}
    />
  );
}
