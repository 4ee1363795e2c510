import { useMutation, useQuery } from "@apollo/client/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { hasCode } from "../../app/errors";
import { graphql } from "../../gql";
import type { CommunityPathsQuery, CommunityVisibility } from "../../gql/graphql";
import { Badge } from "../../ui/Badge";
import { EmptyState } from "../../ui/EmptyState";
import { ErrorState } from "../../ui/ErrorState";
import { Loading } from "../../ui/Loading";
import { NewTitleSummaryForm } from "../../ui/NewTitleSummaryForm";
import { PathProgress } from "./PathProgress";
import { pathRules } from "./path.rules";
import "./paths.css";

const communityPathsQuery = graphql(`
  query CommunityPaths($slug: String!) {
    community(slug: $slug) {
      id
      learningPaths {
        id
        title
        summary
        status
        completedCount
        steps {
          id
        }
        viewerProgress {
          done
          total
        }
        viewerCanTrackProgress
      }
    }
  }
`);

const createLearningPathMutation = graphql(`
  mutation CreateLearningPath($input: CreateLearningPathInput!) {
    createLearningPath(input: $input) {
      id
      title
      status
      version
    }
  }
`);

type Path = NonNullable<CommunityPathsQuery["community"]>["learningPaths"][number];

interface LearningPathsProps {
  community: { id: string; slug: string; visibility: CommunityVisibility };
  /** May build a new path (the api's `viewerCanCreateLearningPath`). */
  canCreate: boolean;
}

/** The community's learning paths: ordered steps through its library, with each member's progress. */
export function LearningPaths({ community, canCreate }: LearningPathsProps) {
  const { t } = useTranslation();
  const { data, loading, error, refetch } = useQuery(communityPathsQuery, {
    variables: { slug: community.slug },
    fetchPolicy: "cache-and-network",
  });
  const paths = data?.community?.learningPaths;

  let content: ReactNode;
  if (loading && !data) content = <Loading />;
  else if (error && !data) {
    content =
      hasCode(error, "FORBIDDEN") || hasCode(error, "UNAUTHENTICATED") ? (
        <EmptyState title={t("paths.hiddenTitle")}>
          <p>{community.visibility === "MEMBERS" ? t("paths.hiddenMembersOnly") : t("paths.hiddenBody")}</p>
        </EmptyState>
      ) : (
        <ErrorState error={error} retry={refetch} />
      );
  } else if (!paths || paths.length === 0) {
    content = (
      <EmptyState title={t("paths.emptyTitle")}>
        <p>{canCreate ? t("paths.emptyCurate") : t("paths.emptyBody")}</p>
      </EmptyState>
    );
  } else {
    content = (
      <ul className="tile-grid">
        {paths.map((path) => (
          <PathCard key={path.id} path={path} />
        ))}
      </ul>
    );
  }

  return (
    <section aria-labelledby="paths-title" className="community__section paths">
      <div className="section-head">
        <h2 id="paths-title">{t("paths.title")}</h2>
        {canCreate ? <NewPathForm communityId={community.id} /> : null}
      </div>
      <p className="section__intro paths__intro">{t("paths.intro")}</p>
      {content}
    </section>
  );
}

function PathCard({ path }: { path: Path }) {
  const { t, i18n } = useTranslation();
  const total = path.viewerProgress?.total ?? path.steps.length;
  const completed = new Intl.NumberFormat(i18n.language).format(path.completedCount);
  return (
    <li className="tile">
      {path.status === "DRAFT" ? (
        <p className="tile__flags">
          <Badge tone="warning">{t("paths.draft")}</Badge>
        </p>
      ) : null}
      <h3 className="tile__title">
        <Link to={`/p/${path.id}`}>{path.title}</Link>
      </h3>
      {path.summary ? <p className="tile__summary">{path.summary}</p> : null}
      <p className="tile__meta">
        {t("paths.steps", { count: total })}
        {path.status === "PUBLISHED" ? (
          <> · {t("paths.completedCount", { count: path.completedCount, formatted: completed })}</>
        ) : null}
      </p>
      {path.viewerCanTrackProgress && path.viewerProgress && total > 0 ? (
        <PathProgress done={path.viewerProgress.done} total={total} />
      ) : null}
    </li>
  );
}

/** "New learning path": a title and a summary, then the editor to add steps. */
function NewPathForm({ communityId }: { communityId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [create, { loading }] = useMutation(createLearningPathMutation, { refetchQueries: ["CommunityPaths"] });

  return (
    <NewTitleSummaryForm
      label={t("paths.new")}
      submitLabel={t("paths.create")}
      className="new-path card"
      rules={pathRules(t)}
      summaryHint={t("paths.summaryHint")}
      busy={loading}
      onCreate={async ({ title, summary }) => {
        const result = await create({ variables: { input: { communityId, title, summary } } });
        const id = result.data?.createLearningPath.id;
        if (id) await navigate(`/p/${id}/edit`);
      }}
    />
  );
}
