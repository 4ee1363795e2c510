import { useMutation, useQuery } from "@apollo/client/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useProblemMessage } from "../../app/useProblemMessage";
import { graphql } from "../../gql";
import type { AdminCommunityFieldsFragment } from "../../gql/graphql";
import { Alert } from "../../ui/Alert";
import { Badge } from "../../ui/Badge";
import { Button } from "../../ui/Button";
import { accentStyle } from "../../ui/Card";
import { ErrorState } from "../../ui/ErrorState";
import { Loading } from "../../ui/Loading";
import { CommunityForm } from "./CommunityForm";
import { useAdminEditing } from "./useAdminEditing";

const adminCommunitiesQuery = graphql(`
  query AdminCommunities {
    adminCommunities {
      ...AdminCommunityFields
    }
  }
`);

const archiveMutation = graphql(`
  mutation AdminArchiveCommunity($id: ID!) {
    archiveCommunity(communityId: $id) {
      ...AdminCommunityFields
    }
  }
`);

const unarchiveMutation = graphql(`
  mutation AdminUnarchiveCommunity($id: ID!) {
    unarchiveCommunity(communityId: $id) {
      ...AdminCommunityFields
    }
  }
`);

export function AdminCommunities() {
  const { t } = useTranslation();
  const problemMessage = useProblemMessage();
  const { data, loading, error, refetch } = useQuery(adminCommunitiesQuery, { fetchPolicy: "cache-and-network" });
  const communities = data?.adminCommunities ?? [];
  const { open, edited, formOpen, formKey, formProps, status, setStatus } = useAdminEditing(communities, refetch);
  const [archive] = useMutation(archiveMutation);
  const [unarchive] = useMutation(unarchiveMutation);

  async function toggleArchive(c: AdminCommunityFieldsFragment) {
    setStatus(null);
    try {
      if (c.archived) await unarchive({ variables: { id: c.id } });
      else await archive({ variables: { id: c.id } });
    } catch (e) {
      setStatus({ tone: "error", text: problemMessage(e) });
    }
  }

  const form = formOpen ? <CommunityForm key={formKey} community={edited ?? null} {...formProps} /> : null;

  let list: ReactNode;
  if (loading && !data) list = <Loading />;
  else if (error && !data) list = <ErrorState error={error} retry={refetch} />;
  else if (communities.length === 0) list = <p>{t("admin.communities.empty")}</p>;
  else
    list = (
      <ul className="admin__list">
        {communities.map((c) => (
          <li key={c.id} className="admin__row" style={accentStyle(c.color)}>
            <div className="admin__row-main">
              <span className="admin__row-title">
                <Link to={`/c/${c.slug}`}>{c.name}</Link>{" "}
                {c.archived ? <Badge tone="warning">{t("admin.communities.archived")}</Badge> : null}
              </span>
              <span className="admin__row-meta">
                <span lang="it">{c.nameIt}</span> · <span lang="en">{c.nameEn}</span> · /c/{c.slug}
              </span>
            </div>
            <div className="admin__row-actions">
              <Button
                size="sm"
                variant="secondary"
                onClick={() => open(c.id)}
                aria-label={t("admin.communities.editTitle", { name: c.name })}
              >
                {t("admin.edit")}
              </Button>
              <Button
                size="sm"
                variant="secondary"
                onClick={() => void toggleArchive(c)}
                // "Archive Circular Economy": the visible word first, then which (WCAG 2.5.3).
                aria-label={`${c.archived ? t("admin.communities.unarchive") : t("admin.communities.archive")} ${c.name}`}
              >
                {c.archived ? t("admin.communities.unarchive") : t("admin.communities.archive")}
              </Button>
              <Link
                to={`/c/${c.slug}?tab=members`}
                className="btn btn--ghost btn--sm"
                aria-label={t("admin.communities.facilitatorsOf", { name: c.name })}
              >
                {t("admin.communities.facilitators")}
              </Link>
            </div>
          </li>
        ))}
      </ul>
    );

  return (
    <section aria-labelledby="admin-communities-title">
      <h2 id="admin-communities-title">{t("admin.communities.title")}</h2>
      <p className="admin__intro">{t("admin.communities.intro")}</p>
      <p className="admin__intro">
        {t("admin.communities.archiveHint")} {t("admin.communities.facilitatorsHint")}
      </p>
      {status ? <Alert tone={status.tone}>{status.text}</Alert> : null}
      {form ?? (
        <p className="actions">
          <Button onClick={() => open("new")}>{t("admin.communities.new")}</Button>
        </p>
      )}
      {list}
    </section>
  );
}
