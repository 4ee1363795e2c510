import { useQuery } from "@apollo/client/react";
import { lazy, Suspense } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { usePageTitle } from "../../app/usePageTitle";
import { graphql } from "../../gql";
import { Alert } from "../../ui/Alert";
import { Badge } from "../../ui/Badge";
import { ButtonLink } from "../../ui/Button";
import { Loading } from "../../ui/Loading";
import { PageHeader } from "../../ui/PageHeader";
import { PageError, PageLoading } from "../../ui/PageStates";
import { EventDecisions } from "../decisions/DecisionsOf";
import { NotFoundContent } from "../not-found/NotFoundPage";
import { CancelEvent } from "./CancelEvent";
import { eventWhen } from "./eventTime";
import { MinutesLink } from "./MinutesLink";
import { Registrations } from "./Registrations";
import { ViewerRegistration } from "./ViewerRegistration";
import "./events.css";

// Leaflet only loads when the event has a point to show.
const PointMap = lazy(() => import("../../ui/map/PointMap").then((m) => ({ default: m.PointMap })));

export const eventPageQuery = graphql(`
  query EventPage($id: ID!) {
    event(id: $id) {
      id
      title
      description
      mode
      placeName
      address
      latitude
      longitude
      onlineUrl
      startsAt
      endsAt
      timeZone
      capacity
      registration
      confirmedCount
      waitlistCount
      seatsLeft
      cancelledAt
      cancellationReason
      icsUrl
      version
      community {
        id
        slug
        name
      }
      organizer {
        id
        displayName
      }
      minutes {
        id
        title
      }
      viewerRegistration {
        id
        status
        queuePosition
        offerExpiresAt
      }
      viewerCanEdit
      viewerCanRegister
      viewerCanManage
    }
  }
`);

/** /events/:id: one event, the reader's registration and, for organisers, everyone's. */
export function EventPage() {
  const { t, i18n } = useTranslation();
  const { id = "" } = useParams();
  const { data, loading, error, refetch } = useQuery(eventPageQuery, {
    variables: { id },
    fetchPolicy: "cache-and-network",
  });
  const event = data?.event;
  usePageTitle(event ? event.title : data ? t("event.notFoundTitle") : null);

  if (loading && !data) return <PageLoading />;
  if (error && !data) return <PageError error={error} retry={refetch} />;
  if (!event) return <NotFoundContent title={t("event.notFoundTitle")} body={t("event.notFoundBody")} />;

  const when = eventWhen(event.startsAt, event.endsAt, event.timeZone, i18n.language);
  const started = new Date(event.startsAt).getTime() <= Date.now();
  const reload = () => void refetch();
  const crumbs = [
    { to: "/events", label: t("events.title") },
    ...(event.community ? [{ to: `/c/${event.community.slug}`, label: event.community.name }] : []),
  ];

  return (
    <>
      <PageHeader crumbs={crumbs}>
        <div className="page__flags">
          <Badge tone="accent">{t(`events.mode.${event.mode}`)}</Badge>
          {event.cancelledAt ? <Badge tone="warning">{t("events.cancelled")}</Badge> : null}
        </div>
        <h1 className="page__title">{event.title}</h1>
        <p className="page__meta">{t("event.organizedBy", { name: event.organizer?.displayName ?? "" })}</p>
      </PageHeader>
      <div className="container page event">
        {event.cancelledAt ? (
          <Alert tone="info" title={t("event.cancelledTitle")}>
            {event.cancellationReason ? <p>{event.cancellationReason}</p> : null}
          </Alert>
        ) : null}
        <div className="event__grid">
          <div className="event__main">
            <section aria-labelledby="event-when">
              <h2 id="event-when">{t("event.when")}</h2>
              <p>{when.local}</p>
              {when.viewer ? <p className="event__aside">{t("events.yourTime", { when: when.viewer })}</p> : null}
              <p>
                <a href={event.icsUrl} download>
                  {t("event.addToCalendar")}
                </a>
              </p>
            </section>
            {event.placeName || event.address || event.onlineUrl ? (
              <section aria-labelledby="event-where">
                <h2 id="event-where">{t("event.where")}</h2>
                {event.placeName ? <p>{event.placeName}</p> : null}
                {event.address ? <p>{event.address}</p> : null}
                {event.onlineUrl ? (
                  <p>
                    <a href={event.onlineUrl} rel="noopener noreferrer" target="_blank">
                      {t("event.joinOnline")}
                    </a>
                  </p>
                ) : event.mode !== "IN_PERSON" ? (
                  <p className="event__aside">{t("event.onlineHidden")}</p>
                ) : null}
                {event.latitude !== null && event.latitude !== undefined && event.longitude != null ? (
                  <Suspense fallback={<Loading />}>
                    <PointMap
                      latitude={event.latitude}
                      longitude={event.longitude}
                      label={t("event.mapLabel", { place: event.placeName ?? event.title })}
                    />
                  </Suspense>
                ) : null}
              </section>
            ) : null}
            {event.description ? (
              <section aria-labelledby="event-about">
                <h2 id="event-about">{t("event.about")}</h2>
                {event.description.split(/\n\s*\n/).map((paragraph) => (
                  <p key={paragraph}>{paragraph}</p>
                ))}
              </section>
            ) : null}
            <MinutesLink event={event} onDone={reload} />
            {event.community ? (
              <EventDecisions
                eventId={event.id}
                slug={event.community.slug}
                canStart={event.viewerCanManage && !event.cancelledAt}
              />
            ) : null}
          </div>
          <aside className="event__side" aria-labelledby="event-seats">
            <h2 id="event-seats">{t("event.seats")}</h2>
            <p>
              {event.capacity === null || event.capacity === undefined
                ? t("events.unlimited")
                : t("event.capacity", { confirmed: event.confirmedCount, capacity: event.capacity })}
            </p>
            {event.waitlistCount > 0 ? <p>{t("event.waitlist", { count: event.waitlistCount })}</p> : null}
            <ViewerRegistration event={event} onDone={reload} />
            {event.viewerCanEdit && !event.cancelledAt ? (
              <p>
                <ButtonLink to={`/events/${event.id}/edit`} variant="secondary" size="sm">
                  {t("event.edit")}
                </ButtonLink>
              </p>
            ) : null}
            {event.viewerCanManage && !event.cancelledAt ? (
              <CancelEvent eventId={event.id} version={event.version} onDone={reload} />
            ) : null}
            {event.community ? (
              <p className="event__aside">
                <Link to={`/c/${event.community.slug}`}>{event.community.name}</Link>
              </p>
            ) : null}
          </aside>
        </div>
        {event.viewerCanManage ? <Registrations eventId={event.id} started={started} onDone={reload} /> : null}
      </div>
    </>
  );
}
