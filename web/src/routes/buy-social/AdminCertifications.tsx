import { useMutation, useQuery } from "@apollo/client/react";
import { type FormEvent, useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { graphql } from "../../gql";
import type { CertificationFieldsFragment } from "../../gql/graphql";
import { ActionProblem } from "../../ui/ActionProblem";
import { Badge } from "../../ui/Badge";
import { Button } from "../../ui/Button";
import { EmptyState } from "../../ui/EmptyState";
import { ErrorState } from "../../ui/ErrorState";
import { Field } from "../../ui/Field";
import { FormActions } from "../../ui/FormActions";
import { Loading } from "../../ui/Loading";
import { LoadMore } from "../../ui/LoadMore";
import { useLoadMore } from "../../ui/useLoadMore";
import { useCertificationName } from "./CertificationBadges";
import { CertificationDetails } from "./Certifications";
import "./buy-social.css";

const queueQuery = graphql(`
  query CertificationsToVerify($first: Int!, $after: String) {
    certificationsToVerify(first: $first, after: $after) {
      totalCount
      edges {
        cursor
        node {
          id
          ...CertificationFields
          organization {
            id
            slug
            name
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

const verifyMutation = graphql(`
  mutation VerifyCertification($id: ID!, $version: Int!) {
    verifyCertification(id: $id, version: $version) {
      id
      verification
      version
    }
  }
`);

const rejectMutation = graphql(`
  mutation RejectCertification($id: ID!, $version: Int!, $reason: String!) {
    rejectCertification(id: $id, version: $version, reason: $reason) {
      id
      verification
      rejectionReason
      version
    }
  }
`);

/** /admin/certifications: the certifications waiting for the platform team, verified or rejected with a reason. */
export function AdminCertifications() {
  const { t } = useTranslation();
  const { data, loading, error, refetch, fetchMore } = useQuery(queueQuery, {
    variables: { first: 20 },
    fetchPolicy: "cache-and-network",
  });
  const connection = data?.certificationsToVerify;
  const pager = useLoadMore(
    connection?.pageInfo,
    useCallback((after: string) => fetchMore({ variables: { after } }), [fetchMore]),
  );
  if (loading && !data) return <Loading />;
  if (error && !data) return <ErrorState error={error} retry={refetch} />;
  return (
    <section aria-labelledby="admin-certifications">
      <h2 id="admin-certifications">{t("buySocial.admin.title")}</h2>
      <p>{t("buySocial.admin.intro")}</p>
      {connection && connection.edges.length === 0 ? (
        <EmptyState title={t("buySocial.admin.empty")} />
      ) : (
        <ul className="cert-list">
          {connection?.edges.map(({ node }) => (
            <li key={node.id}>
              <QueueItem certification={node} organization={node.organization} onDone={() => void refetch()} />
            </li>
          ))}
        </ul>
      )}
      <LoadMore pager={pager} />
    </section>
  );
}

function QueueItem({
  certification: c,
  organization,
  onDone,
}: {
  certification: CertificationFieldsFragment;
  organization: { slug: string; name: string };
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const name = useCertificationName();
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState("");
  const [reasonProblem, setReasonProblem] = useState<string | null>(null);
  const [verify, verifying] = useMutation(verifyMutation);
  const [reject, refusing] = useMutation(rejectMutation);
  const title = t("buySocial.admin.itemTitle", { kind: name(c), name: organization.name });

  async function onReject(event: FormEvent) {
    event.preventDefault();
    if (!reason.trim()) return setReasonProblem(t("buySocial.admin.reasonRequired"));
    setReasonProblem(null);
    try {
      await reject({ variables: { id: c.id, version: c.version, reason: reason.trim() } });
      onDone();
    } catch {
      // Shown below.
    }
  }

  return (
    <article className="cert card" aria-label={title}>
      <h3 className="cert__name">
        {name(c)} — <Link to={`/partners/${organization.slug}/supplier`}>{organization.name}</Link>
      </h3>
      <p className="cert__flags">
        <Badge>{t(`buySocial.verification.${c.verification}`)}</Badge>{" "}
        {c.expired ? <Badge tone="warning">{t("buySocial.cert.expired")}</Badge> : null}
      </p>
      <CertificationDetails certification={c} />
      {rejecting ? (
        <form onSubmit={(e) => void onReject(e)} noValidate>
          <Field
            multiline
            label={t("buySocial.admin.reason")}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            error={reasonProblem ?? undefined}
            required
          />
          <FormActions
            submitLabel={t("buySocial.admin.rejectConfirm")}
            busy={refusing.loading}
            onCancel={() => setRejecting(false)}
            variant="danger"
            size="sm"
          />
        </form>
      ) : (
        <p className="actions">
          <Button
            size="sm"
            busy={verifying.loading}
            aria-label={t("buySocial.admin.verifyOf", { title })}
            onClick={() => void verify({ variables: { id: c.id, version: c.version } }).then(onDone, () => undefined)}
          >
            {t("buySocial.admin.verify")}
          </Button>
          <Button
            size="sm"
            variant="danger"
            aria-label={t("buySocial.admin.rejectOf", { title })}
            onClick={() => setRejecting(true)}
          >
            {t("buySocial.admin.reject")}
          </Button>
        </p>
      )}
      {verifying.error ? <ActionProblem error={verifying.error} /> : null}
      {refusing.error ? <ActionProblem error={refusing.error} /> : null}
    </article>
  );
}
