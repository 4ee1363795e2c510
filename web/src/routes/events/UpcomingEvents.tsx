import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { EventSummaryFragment } from "../../gql/graphql";
import "./events.css";

interface UpcomingEventsProps {
  events: readonly EventSummaryFragment[];
  /** Where "New event" leads, for those who may create one here. */
  newEventTo?: string | null;
  headingId: string;
  className?: string;
}

/**
 * A short list of the next events (the home page, a community page): title, the date and time
 * where it happens, and the place. Its strings are the first page's, so it works on the home page
 * before the other pages' strings load.
 */
export function UpcomingEvents({ events, newEventTo, headingId, className }: UpcomingEventsProps) {
  const { t, i18n } = useTranslation();
  return (
    <section aria-labelledby={headingId} className={className ?? "upcoming-events"}>
      <h2 id={headingId}>{t("upcomingEvents.title")}</h2>
      {events.length === 0 ? (
        <p>{t("upcomingEvents.none")}</p>
      ) : (
        <ul className="event-list">
          {events.map((event) => (
            <li key={event.id} className="event-row">
              <h3 className="event-row__title">
                <Link to={`/events/${event.id}`}>{event.title}</Link>
              </h3>
              <p className="event-row__when">
                {new Intl.DateTimeFormat(i18n.language, {
                  dateStyle: "full",
                  timeStyle: "short",
                  timeZone: event.timeZone,
                }).format(new Date(event.startsAt))}
              </p>
              <p className="event-row__meta">
                {[
                  event.placeName,
                  event.community?.name ?? t("upcomingEvents.platformWide"),
                  event.cancelledAt
                    ? t("upcomingEvents.cancelled")
                    : event.capacity != null && event.seatsLeft === 0
                      ? t("upcomingEvents.full")
                      : null,
                ]
                  .filter(Boolean)
                  .join(" · ")}
              </p>
            </li>
          ))}
        </ul>
      )}
      <p className="upcoming-events__links">
        <Link to="/events">{t("upcomingEvents.all")}</Link>
        {newEventTo ? (
          <>
            {" · "}
            <Link to={newEventTo}>{t("upcomingEvents.new")}</Link>
          </>
        ) : null}
      </p>
    </section>
  );
}
