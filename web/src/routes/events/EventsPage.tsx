import { useQuery } from "@apollo/client/react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { usePageTitle } from "../../app/usePageTitle";
import { graphql } from "../../gql";
import { ButtonLink } from "../../ui/Button";
import { EmptyState } from "../../ui/EmptyState";
import { PageHeader } from "../../ui/PageHeader";
import { PageError, PageLoading } from "../../ui/PageStates";
import { EventRow } from "./EventRow";
import "./events.css";

const eventsQuery = graphql(`
  query EventsPage($upcoming: Boolean!, $first: Int!) {
    viewer {
      id
      role
    }
    events(upcoming: $upcoming, first: $first) {
      edges {
        node {
          id
          ...EventSummary
        }
      }
    }
  }
`);

/** /events: the events the reader may see, upcoming (platform-wide and communities') or past. */
export function EventsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const past = params.get("when") === "past";
  usePageTitle(t("events.title"));
  const { data, loading, error, refetch } = useQuery(eventsQuery, {
    variables: { upcoming: !past, first: 50 },
    fetchPolicy: "cache-and-network",
  });
  const events = data?.events.edges.map((e) => e.node) ?? [];

  return (
    <>
      <PageHeader crumbs={[]}>
        <h1 className="page__title">{t("events.title")}</h1>
        <p className="page__meta">{t("events.lead")}</p>
        {/* Platform-wide events (the partners' assembly) are the admins'; a community's start on its page. */}
        {data?.viewer?.role === "ADMIN" ? (
          <p>
            <ButtonLink to="/events/new" size="sm">
              {t("events.newEvent")}
            </ButtonLink>
          </p>
        ) : null}
      </PageHeader>
      <div className="container page">
        <nav aria-label={t("events.tabs")} className="events__tabs">
          <button
            type="button"
            className="events__tab"
            aria-pressed={!past}
            onClick={() => setParams({}, { replace: true })}
          >
            {t("events.upcoming")}
          </button>
          <button
            type="button"
            className="events__tab"
            aria-pressed={past}
            onClick={() => setParams({ when: "past" }, { replace: true })}
          >
            {t("events.past")}
          </button>
        </nav>
        {loading && !data ? (
          <PageLoading />
        ) : error && !data ? (
          <PageError error={error} retry={refetch} />
        ) : events.length === 0 ? (
          <EmptyState title={past ? t("events.noPast") : t("events.noUpcoming")} />
        ) : (
          <ul className="event-list" aria-label={past ? t("events.past") : t("events.upcoming")}>
            {events.map((event) => (
              <EventRow key={event.id} event={event} headingLevel={2} />
            ))}
          </ul>
        )}
      </div>
    </>
  );
}
