import { useQuery } from "@apollo/client/react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { useViewer } from "../../app/session";
import { usePageTitle } from "../../app/usePageTitle";
import { graphql } from "../../gql";
import { Badge } from "../../ui/Badge";
import { ButtonLink } from "../../ui/Button";
import { LiveAnnouncer } from "../../ui/LiveAnnouncer";
import { Markdown } from "../../ui/Markdown";
import { MessagePage, PageError, PageLoading } from "../../ui/PageStates";
import { useAnnouncer } from "../../ui/useAnnouncer";
import { Ballot } from "./Ballot";
import { DecisionSteps } from "./DecisionSteps";
import { DecisionTiming } from "./DecisionTiming";
import { OutcomePanel } from "./OutcomePanel";
import { Results } from "./Results";
import { useDecisionEvents } from "./useDecisionEvents";
import { VotesList } from "./VotesList";
import "./decisions.css";

const decisionQuery = graphql(`
  query DecisionPage($id: ID!) {
    decision(id: $id) {
      ...DecisionFields
    }
  }
`);

/** /decisions/:id — what is being decided, the ballot, the results as far as this viewer may see them, the outcome. */
export function DecisionPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const { loading: viewerLoading } = useViewer();
  const { data, loading, error, refetch } = useQuery(decisionQuery, {
    variables: { id },
    fetchPolicy: "cache-and-network",
  });
  const [announcement, announce] = useAnnouncer();
  const decision = data?.decision;
  usePageTitle(decision?.title ?? t("decisions.title"));
  useDecisionEvents(decision && decision.state !== "CANCELLED" ? decision.id : null, (kind) => {
    void refetch().then(() => announce(t(kind === "vote" ? "decisions.live.vote" : "decisions.live.change")));
  });

  if (viewerLoading || (loading && !data)) return <PageLoading />;
  if (error && !data) return <PageError error={error} retry={refetch} />;
  if (!decision) {
    return (
      <MessagePage
        title={t("decisions.notFound.title")}
        body={t("decisions.notFound.body")}
        actions={<ButtonLink to="/">{t("common.backHome")}</ButtonLink>}
      />
    );
  }
  const about = decision.deliverable
    ? { to: `/d/${decision.deliverable.id}`, label: decision.deliverable.title }
    : decision.thread
      ? { to: `/t/${decision.thread.id}`, label: decision.thread.title }
      : null;

  return (
    <div className="container page page--narrow decision">
      <nav aria-label={t("decisions.breadcrumb")}>
        <p className="decision__crumbs">
          <Link to={`/c/${decision.community.slug}`}>{decision.community.name}</Link>
          {about ? (
            <>
              {" › "}
              <Link to={about.to}>{about.label}</Link>
            </>
          ) : null}
        </p>
      </nav>
      <header className="decision__header">
        <h1>{decision.title}</h1>
        <p className="decision__meta">
          <Badge tone={decision.state === "OPEN" ? "success" : "neutral"}>
            {t(`decisions.state.${decision.state}`)}
          </Badge>{" "}
          <span>{t(`decisions.kind.${decision.kind}.name`)}</span>
          {" · "}
          <span>{t(`decisions.electorate.${decision.electorate}`)}</span>
          {decision.anonymous ? (
            <>
              {" · "}
              <span>{t("decisions.anonymousBadge")}</span>
            </>
          ) : null}
        </p>
        <DecisionTiming decision={decision} />
      </header>
      <LiveAnnouncer announcement={announcement} />
      {decision.context ? (
        <section aria-labelledby="decision-context" className="decision__context">
          <h2 id="decision-context" className="visually-hidden">
            {t("decisions.context")}
          </h2>
          <Markdown source={decision.context} headingLevel={3} />
        </section>
      ) : null}
      <DecisionSteps decision={decision} onDone={() => void refetch()} />
      <OutcomePanel decision={decision} onDone={() => void refetch()} />
      <Ballot decision={decision} onVoted={() => void refetch()} />
      <Results decision={decision} />
      <VotesList decision={decision} />
    </div>
  );
}
