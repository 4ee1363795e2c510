import { useMutation, useQuery } from "@apollo/client/react";
import { useTranslation } from "react-i18next";
import { graphql } from "../../gql";
import { ActionProblem } from "../../ui/ActionProblem";
import { Button } from "../../ui/Button";

const registrationsQuery = graphql(`
  query EventRegistrations($id: ID!) {
    event(id: $id) {
      id
      registrations(first: 200) {
        edges {
          node {
            id
            status
            queuePosition
            user {
              id
              displayName
            }
          }
        }
      }
    }
  }
`);
const decideMutation = graphql(`
  mutation DecideRegistration($input: DecideRegistrationInput!) {
    decideRegistration(input: $input) {
      id
      status
    }
  }
`);
const attendanceMutation = graphql(`
  mutation MarkAttendance($input: MarkAttendanceInput!) {
    markAttendance(input: $input) {
      id
      status
    }
  }
`);

/**
 * The organisers' list: who is registered and in what state; pending requests to approve or
 * decline; after the start, attendance to mark (and unmark).
 */
export function Registrations({ eventId, started, onDone }: { eventId: string; started: boolean; onDone: () => void }) {
  const { t } = useTranslation();
  const { data, refetch } = useQuery(registrationsQuery, { variables: { id: eventId }, fetchPolicy: "network-only" });
  const after = () => {
    void refetch();
    onDone();
  };
  const [decide, deciding] = useMutation(decideMutation, { onCompleted: after });
  const [mark, marking] = useMutation(attendanceMutation, { onCompleted: after });
  const rows = data?.event?.registrations?.edges.map((e) => e.node) ?? [];

  return (
    <section aria-labelledby="event-registrations" className="event__registrations">
      <h2 id="event-registrations">{t("event.registrations")}</h2>
      {rows.length === 0 ? (
        <p>{t("event.noRegistrations")}</p>
      ) : (
        <ul className="event__people">
          {rows.map((r) => {
            // A deleted account's registration keeps its place in the list, without a name.
            const name = r.user?.displayName ?? t("event.someone");
            return (
              <li key={r.id} className="event__person">
                <span className="event__person-name">{name}</span>
                <span className="event__person-status">
                  {r.status === "WAITLISTED"
                    ? t("event.people.WAITLISTED", { place: r.queuePosition ?? "?" })
                    : t(`event.people.${r.status}`)}
                </span>
                <span className="event__person-actions">
                  {r.status === "PENDING" ? (
                    <>
                      <Button
                        size="sm"
                        onClick={() =>
                          void decide({ variables: { input: { registrationId: r.id, decision: "APPROVE" } } }).catch(
                            () => undefined,
                          )
                        }
                        aria-label={t("event.approveWho", { name: name })}
                      >
                        {t("event.approve")}
                      </Button>
                      <Button
                        size="sm"
                        variant="secondary"
                        onClick={() =>
                          void decide({ variables: { input: { registrationId: r.id, decision: "DECLINE" } } }).catch(
                            () => undefined,
                          )
                        }
                        aria-label={t("event.declineWho", { name: name })}
                      >
                        {t("event.decline")}
                      </Button>
                    </>
                  ) : null}
                  {started && (r.status === "CONFIRMED" || r.status === "ATTENDED") ? (
                    <label className="event__attended">
                      <input
                        type="checkbox"
                        checked={r.status === "ATTENDED"}
                        disabled={marking.loading}
                        onChange={(e) =>
                          void mark({
                            variables: { input: { registrationId: r.id, attended: e.target.checked } },
                          }).catch(() => undefined)
                        }
                      />{" "}
                      {t("event.attendedWho", { name: name })}
                    </label>
                  ) : null}
                </span>
              </li>
            );
          })}
        </ul>
      )}
      <ActionProblem error={deciding.error ?? marking.error} />
    </section>
  );
}
