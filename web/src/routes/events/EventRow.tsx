import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { EventSummaryFragment } from "../../gql/graphql";
import { Badge } from "../../ui/Badge";
import { eventWhen } from "./eventTime";

/** One event in a list: its title as the link, then when, how, where and how full. */
export function EventRow({ event, headingLevel = 3 }: { event: EventSummaryFragment; headingLevel?: 2 | 3 }) {
  const { t, i18n } = useTranslation();
  const when = eventWhen(event.startsAt, event.endsAt, event.timeZone, i18n.language);
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <li className="event-row">
      <Heading className="event-row__title">
        <Link to={`/events/${event.id}`}>{event.title}</Link>
      </Heading>
      <p className="event-row__when">{when.local}</p>
      {when.viewer ? <p className="event-row__meta">{t("events.yourTime", { when: when.viewer })}</p> : null}
      <p className="event-row__meta">
        <Badge tone="neutral">{t(`events.mode.${event.mode}`)}</Badge>{" "}
        {[event.placeName, event.community?.name ?? t("events.platformWide")].filter(Boolean).join(" · ")}
      </p>
      <p className="event-row__meta">
        {event.cancelledAt ? (
          <Badge tone="warning">{t("events.cancelled")}</Badge>
        ) : event.capacity === null || event.capacity === undefined ? (
          t("events.unlimited")
        ) : (event.seatsLeft ?? 0) > 0 ? (
          t("events.seatsLeft", { count: event.seatsLeft ?? 0 })
        ) : (
          <Badge tone="warning">{t("events.fullWaitlist")}</Badge>
        )}
      </p>
    </li>
  );
}
