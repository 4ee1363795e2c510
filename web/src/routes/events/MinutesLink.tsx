import { useMutation } from "@apollo/client/react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { graphql } from "../../gql";
import type { EventPageQuery } from "../../gql/graphql";
import { ActionProblem } from "../../ui/ActionProblem";
import { Button } from "../../ui/Button";

type PageEvent = NonNullable<EventPageQuery["event"]>;

const linkMinutesMutation = graphql(`
  mutation LinkEventMinutes($input: LinkMinutesInput!) {
    linkEventMinutes(input: $input) {
      id
      minutes {
        id
        title
      }
    }
  }
`);

/**
 * The minutes: a co-authored document of the community. Organisers of a community event may start
 * one (the api creates it in the community and links it); a document that exists is linked from
 * its own page's manage view.
 */
export function MinutesLink({ event, onDone }: { event: PageEvent; onDone: () => void }) {
  const { t } = useTranslation();
  const [link, { loading, error }] = useMutation(linkMinutesMutation, { onCompleted: onDone });
  if (!event.minutes && !(event.viewerCanManage && event.community)) return null;
  return (
    <section aria-labelledby="event-minutes">
      <h2 id="event-minutes">{t("event.minutes")}</h2>
      {event.minutes ? (
        <p>
          <Link to={`/d/${event.minutes.id}`}>{event.minutes.title}</Link>
        </p>
      ) : (
        <>
          <p>{t("event.noMinutes")}</p>
          <Button
            size="sm"
            variant="secondary"
            busy={loading}
            onClick={() => void link({ variables: { input: { eventId: event.id } } }).catch(() => undefined)}
          >
            {t("event.createMinutes")}
          </Button>
        </>
      )}
      <ActionProblem error={error} />
    </section>
  );
}
