import { useMutation, useQuery } from "@apollo/client/react";
import { type ReactNode, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { hasCode } from "../../app/errors";
import { useFormProblems } from "../../app/useProblemMessage";
import { graphql } from "../../gql";
import type { CommunityPathsQuery, CommunityVisibility } from "../../gql/graphql";
import { Badge } from "../../ui/Badge";
import { DisclosedForm } from "../../ui/DisclosedForm";
import { EmptyState } from "../../ui/EmptyState";
import { ErrorState } from "../../ui/ErrorState";
import { Field } from "../../ui/Field";
import { Loading } from "../../ui/Loading";
import { useFormRefusals } from "../../ui/useFormRefusals";
import { PathProgress } from "./PathProgress";
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

const TITLE_MIN = 3;
const TITLE_MAX = 200;
const SUMMARY_MAX = 2000;

interface LearningPathsProps {
  community: { id: string; slug: string; visibility: CommunityVisibility };
  /** An active member: their progress is shown. */
  isMember: boolean;
  canCurate: boolean;
}

/** The community's learning paths: ordered steps through its library, with each member's progress. */
export function LearningPaths({ community, isMember, canCurate }: LearningPathsProps) {
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
        <p>{canCurate ? t("paths.emptyCurate") : t("paths.emptyBody")}</p>
      </EmptyState>
    );
  } else {
    content = (
      <ul className="tile-grid">
        {paths.map((path) => (
          <PathCard key={path.id} path={path} showProgress={isMember} />
        ))}
      </ul>
    );
  }

  return (
    <section aria-labelledby="paths-title" className="community__section paths">
      <div className="discussions__head">
        <h2 id="paths-title">{t("paths.title")}</h2>
        {canCurate ? <NewPathForm communityId={community.id} /> : null}
      </div>
      <p className="section__intro paths__intro">{t("paths.intro")}</p>
      {content}
    </section>
  );
}

function PathCard({ path, showProgress }: { path: Path; showProgress: boolean }) {
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
      {showProgress && path.viewerProgress && path.status === "PUBLISHED" && total > 0 ? (
        <PathProgress done={path.viewerProgress.done} total={total} />
      ) : null}
    </li>
  );
}

/** "New learning path": a title and a summary, then the editor to add steps. */
function NewPathForm({ communityId }: { communityId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const formProblems = useFormProblems();
  const [title, setTitle] = useState("");
  const [summary, setSummary] = useState("");
  const { formRef, problems, refuse, clearProblems } = useFormRefusals();
  const titleRef = useRef<HTMLInputElement>(null);
  const [create, { loading }] = useMutation(createLearningPathMutation, { refetchQueries: ["CommunityPaths"] });

  async function onSubmit() {
    if (loading) return;
    const fields: Record<string, string> = {};
    const cleanTitle = title.trim();
    if (cleanTitle.length < TITLE_MIN || cleanTitle.length > TITLE_MAX) fields.title = t("paths.titleRule");
    if (summary.trim().length > SUMMARY_MAX) fields.summary = t("paths.summaryRule");
    if (Object.keys(fields).length > 0) return refuse({ fields, general: null });
    clearProblems();
    try {
      const result = await create({
        variables: { input: { communityId, title: cleanTitle, summary: summary.trim() } },
      });
      const id = result.data?.createLearningPath.id;
      if (id) await navigate(`/p/${id}/edit`);
    } catch (error) {
      refuse(formProblems(error));
    }
  }

  return (
    <DisclosedForm
      label={t("paths.new")}
      submitLabel={t("paths.create")}
      className="new-path card"
      busy={loading}
      formRef={formRef}
      general={problems.general}
      firstFieldRef={titleRef}
      onSubmit={onSubmit}
      onCancel={clearProblems}
    >
      <Field
        ref={titleRef}
        label={t("paths.titleLabel")}
        name="title"
        value={title}
        onChange={(event) => setTitle(event.target.value)}
        maxLength={TITLE_MAX}
        required
        error={problems.fields.title}
      />
      <Field
        multiline
        rows={3}
        label={t("paths.summaryLabel")}
        hint={t("paths.summaryHint")}
        name="summary"
        value={summary}
        onChange={(event) => setSummary(event.target.value)}
        maxLength={SUMMARY_MAX}
        error={problems.fields.summary}
      />
    </DisclosedForm>
  );
}
