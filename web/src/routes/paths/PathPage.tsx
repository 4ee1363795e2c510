import { useMutation, useQuery } from "@apollo/client/react";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation, useParams } from "react-router";
import { hasCode } from "../../app/errors";
import { usePageTitle } from "../../app/usePageTitle";
import { graphql } from "../../gql";
import type { LearningPathPageQuery } from "../../gql/graphql";
import { ActionProblem } from "../../ui/ActionProblem";
import { Alert } from "../../ui/Alert";
import { Badge } from "../../ui/Badge";
import { ButtonLink } from "../../ui/Button";
import { accentStyle } from "../../ui/Card";
import { formatDate } from "../../ui/format";
import { PageHeader } from "../../ui/PageHeader";
import { PageError, PageLoading } from "../../ui/PageStates";
import { NotFoundContent } from "../not-found/NotFoundPage";
import { PathProgress } from "./PathProgress";
import { learningPathPageQuery } from "./path.fragment";
import "./paths.css";

const setStepDoneMutation = graphql(`
  mutation SetStepDone($stepId: ID!, $done: Boolean!) {
    setStepDone(stepId: $stepId, done: $done) {
      id
      completedCount
      viewerProgress {
        done
        total
        doneStepIds
      }
    }
  }
`);

export type LearningPathView = NonNullable<LearningPathPageQuery["learningPath"]>;

/** A learning path's page: load it, or say why it cannot be shown. */
export function usePathPage(id: string) {
  const query = useQuery(learningPathPageQuery, { variables: { id }, fetchPolicy: "cache-and-network" });
  return query;
}

export function PathPage() {
  const { id = "" } = useParams();
  const { t, i18n } = useTranslation();
  const location = useLocation();
  const { data, loading, error, refetch } = usePathPage(id);
  const [setStepDone, doneState] = useMutation(setStepDoneMutation);
  const path = data?.learningPath ?? null;
  usePageTitle(path?.title ?? (data || error ? t("paths.notFoundTitle") : null));

  if (loading && !data) return <PageLoading />;
  if (error && !data && !hasCode(error, "NOT_FOUND")) return <PageError error={error} retry={refetch} />;
  if (!path) return <NotFoundContent title={t("paths.notFoundTitle")} body={t("paths.notFoundBody")} />;

  const community = path.community;
  const canTrack = path.viewerCanTrackProgress && path.viewerProgress !== null;
  const done = new Set(path.viewerProgress?.doneStepIds ?? []);
  const total = path.steps.length;

  function toggle(stepId: string, value: boolean) {
    if (!path?.viewerProgress) return;
    const doneStepIds = value
      ? [...new Set([...path.viewerProgress.doneStepIds, stepId])]
      : path.viewerProgress.doneStepIds.filter((x) => x !== stepId);
    void setStepDone({
      variables: { stepId, done: value },
      optimisticResponse: {
        // The cache needs the type name to find the path; the generated types leave it out.
        setStepDone: {
          __typename: "LearningPath",
          id: path.id,
          completedCount: path.completedCount,
          viewerProgress: { __typename: "PathProgress", done: doneStepIds.length, total, doneStepIds },
        } as unknown as LearningPathView,
      },
    }).catch(() => undefined);
  }

  return (
    <article className="path-page" style={accentStyle(community.color)} aria-labelledby="path-title">
      <PageHeader
        crumbs={[
          { to: "/", label: t("nav.communities") },
          { to: `/c/${community.slug}`, label: community.name },
          { to: `/c/${community.slug}?tab=paths`, label: t("paths.title") },
        ]}
      >
        <p className="page__flags">
          <Badge tone="neutral">{t("paths.learningPath")}</Badge>
          {path.status === "DRAFT" ? <Badge tone="warning">{t("paths.draft")}</Badge> : null}
        </p>
        <h1 id="path-title" className="page__title">
          {path.title}
        </h1>
        {path.summary ? <p className="page__summary">{path.summary}</p> : null}
        <p className="page__meta">
          {t("paths.steps", { count: total })}
          {path.publishedAt ? (
            <> · {t("resource.publishedOn", { date: formatDate(path.publishedAt, i18n.language) })}</>
          ) : null}
          {path.status === "PUBLISHED" ? (
            <>
              {" "}
              ·{" "}
              {t("paths.completedCount", {
                count: path.completedCount,
                formatted: new Intl.NumberFormat(i18n.language).format(path.completedCount),
              })}
            </>
          ) : null}
        </p>
        {path.viewerCanEdit ? (
          <p className="actions">
            <ButtonLink to={`/p/${path.id}/edit`} variant="secondary" size="sm">
              {t("paths.edit")}
            </ButtonLink>
          </p>
        ) : null}
      </PageHeader>

      <div className="container path-page__layout">
        {path.status === "DRAFT" ? (
          <div className="notice path-page__notice">
            <p className="notice__title">{t("paths.draftTitle")}</p>
            <p>{t("paths.draftBody")}</p>
          </div>
        ) : null}
        {canTrack && path.viewerProgress ? (
          <div className="path-page__progress card">
            <PathProgress done={path.viewerProgress.done} total={total} live />
            {total > 0 && path.viewerProgress.done >= total ? <Alert tone="success">{t("paths.allDone")}</Alert> : null}
          </div>
        ) : path.status === "PUBLISHED" ? (
          <p className="path-page__hint">
            {data?.viewer ? (
              t("paths.joinToTrack", { name: community.name })
            ) : (
              <>
                <Link to="/login" state={{ from: location.pathname }}>
                  {t("nav.login")}
                </Link>{" "}
                {t("paths.signInToTrack")}
              </>
            )}
          </p>
        ) : null}
        <ActionProblem error={doneState.error} />

        {total === 0 ? (
          <p className="path-page__hint">{t("paths.noSteps")}</p>
        ) : (
          <ol className="path-steps" aria-label={t("paths.stepsLabel")}>
            {path.steps.map((step) => (
              <PathStepItem
                key={step.id}
                step={step}
                done={done.has(step.id)}
                canTrack={canTrack}
                onToggle={(value) => toggle(step.id, value)}
              />
            ))}
          </ol>
        )}
      </div>
    </article>
  );
}

interface PathStepItemProps {
  step: LearningPathView["steps"][number];
  done: boolean;
  canTrack: boolean;
  onToggle: (done: boolean) => void;
}

function PathStepItem({ step, done, canTrack, onToggle }: PathStepItemProps) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <li className={`path-step${done ? " path-step--done" : ""}`}>
      <span className="path-step__marker" aria-hidden="true">
        {done ? <CheckIcon /> : step.position}
      </span>
      <div className="path-step__body">
        <p className="path-step__eyebrow">
          {t("paths.stepNumber", { position: step.position })} · {t(`library.kind.${step.resource.kind}`)}
        </p>
        <h2 className="path-step__title">
          <Link to={`/r/${step.resource.id}`}>{step.resource.title}</Link>
        </h2>
        {step.note ? <p className="path-step__note">{step.note}</p> : null}
        <p className="path-step__summary">{step.resource.summary}</p>
        {canTrack ? (
          <p className="path-step__done">
            <input id={id} type="checkbox" checked={done} onChange={(event) => onToggle(event.target.checked)} />
            <label htmlFor={id}>
              {t("paths.markDone")}
              <span className="visually-hidden"> ({step.resource.title})</span>
            </label>
          </p>
        ) : null}
      </div>
    </li>
  );
}

function CheckIcon() {
  return (
    <svg className="path-step__check" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path d="m6.2 11.2-3.1-3.1-1.4 1.4 4.5 4.5 8.3-8.3-1.4-1.4z" />
    </svg>
  );
}
