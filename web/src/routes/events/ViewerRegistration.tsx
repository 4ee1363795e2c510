import { useMutation } from "@apollo/client/react";
import { useTranslation } from "react-i18next";
import { graphql } from "../../gql";
import type { EventPageQuery } from "../../gql/graphql";
import { ActionProblem } from "../../ui/ActionProblem";
import { Button } from "../../ui/Button";
import { formatDateTime } from "../../ui/format";

type PageEvent = NonNullable<EventPageQuery["event"]>;

const registerMutation = graphql(`
  mutation RegisterForEvent($eventId: ID!) {
    registerForEvent(eventId: $eventId) {
      id
      status
    }
  }
`);
const cancelMutation = graphql(`
  mutation CancelRegistration($eventId: ID!) {
    cancelRegistration(eventId: $eventId) {
      id
      status
    }
  }
`);
const claimMutation = graphql(`
  mutation ClaimSeat($eventId: ID!) {
    claimSeat(eventId: $eventId) {
      id
      status
    }
  }
`);

/**
 * The reader's registration in words (confirmed, on the waiting list at place N, a seat offered
 * until a deadline, pending, cancelled, attended) and what they may do next. After an action the
 * page reads the event again: the seats and the place in the queue move with it.
 */
export function ViewerRegistration({ event, onDone }: { event: PageEvent; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const variables = { eventId: event.id };
  const [register, registering] = useMutation(registerMutation, { variables, onCompleted: onDone });
  const [cancel, cancelling] = useMutation(cancelMutation, { variables, onCompleted: onDone });
  const [claim, claiming] = useMutation(claimMutation, { variables, onCompleted: onDone });
  const registration = event.viewerRegistration;
  const status = registration?.status;
  const active = status === "CONFIRMED" || status === "WAITLISTED" || status === "OFFERED" || status === "PENDING";
  const error = registering.error ?? cancelling.error ?? claiming.error;

  return (
    <section className="event__registration" aria-labelledby="event-registration">
      <h3 id="event-registration">{t("event.yourRegistration")}</h3>
      <p role="status" className="event__status">
        {!registration
          ? t("event.status.NONE")
          : status === "WAITLISTED"
            ? t("event.status.WAITLISTED", { place: registration.queuePosition ?? "?" })
            : status === "OFFERED"
              ? t("event.status.OFFERED", { deadline: formatDateTime(registration.offerExpiresAt, i18n.language) })
              : t(`event.status.${status ?? "NONE"}`)}
      </p>
      <div className="event__actions">
        {status === "OFFERED" ? (
          <Button busy={claiming.loading} onClick={() => void claim().catch(() => undefined)}>
            {t("event.claim")}
          </Button>
        ) : null}
        {event.viewerCanRegister && !active ? (
          <Button busy={registering.loading} onClick={() => void register().catch(() => undefined)}>
            {event.seatsLeft === 0 && event.registration === "OPEN" ? t("event.joinWaitlist") : t("event.register")}
          </Button>
        ) : null}
        {active && !event.cancelledAt ? (
          <Button variant="secondary" busy={cancelling.loading} onClick={() => void cancel().catch(() => undefined)}>
            {t("event.cancelRegistration")}
          </Button>
        ) : null}
      </div>
      {error ? <ActionProblem error={error} /> : null}
    </section>
  );
}
