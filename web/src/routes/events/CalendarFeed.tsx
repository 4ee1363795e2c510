import { useMutation, useQuery } from "@apollo/client/react";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { graphql } from "../../gql";
import { ActionProblem } from "../../ui/ActionProblem";
import { Alert } from "../../ui/Alert";
import { Button } from "../../ui/Button";
import "./events.css";

const calendarFeedQuery = graphql(`
  query CalendarFeedUrl {
    calendarFeedUrl
  }
`);
const resetCalendarFeedMutation = graphql(`
  mutation ResetCalendarFeed {
    resetCalendarFeed
  }
`);

/**
 * The personal calendar feed: a secret address of the events one registered for. Making a new
 * one revokes the old (a feed pasted somewhere it should not be is stopped this way).
 */
export function CalendarFeed() {
  const { t } = useTranslation();
  const id = useId();
  const { data, refetch } = useQuery(calendarFeedQuery, { fetchPolicy: "network-only" });
  const [reset, { loading, error }] = useMutation(resetCalendarFeedMutation);
  const [renewed, setRenewed] = useState(false);
  const [copied, setCopied] = useState(false);
  const url = data?.calendarFeedUrl ?? null;

  async function onReset() {
    try {
      await reset();
      await refetch();
      setCopied(false);
      setRenewed(url !== null);
    } catch {
      // Shown below.
    }
  }

  return (
    <section className="calendar-feed" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t("calendarFeed.title")}</h2>
      <p>{t("calendarFeed.lead")}</p>
      {renewed ? <Alert tone="success">{t("calendarFeed.renewed")}</Alert> : null}
      {url ? (
        <div className="calendar-feed__row">
          <label className="visually-hidden" htmlFor={`${id}-url`}>
            {t("calendarFeed.label")}
          </label>
          <input
            id={`${id}-url`}
            className="field__control calendar-feed__url"
            readOnly
            value={url}
            onFocus={(e) => e.currentTarget.select()}
          />
          <Button
            size="sm"
            variant="secondary"
            onClick={() =>
              void navigator.clipboard
                ?.writeText(url)
                .then(() => setCopied(true))
                .catch(() => undefined)
            }
          >
            {copied ? t("calendarFeed.copied") : t("calendarFeed.copy")}
          </Button>
        </div>
      ) : (
        <p>{t("calendarFeed.none")}</p>
      )}
      <p>
        <Button size="sm" variant={url ? "secondary" : "primary"} busy={loading} onClick={() => void onReset()}>
          {url ? t("calendarFeed.renew") : t("calendarFeed.make")}
        </Button>{" "}
        {url ? <span className="event__aside">{t("calendarFeed.renewHint")}</span> : null}
      </p>
      <ActionProblem error={error} />
    </section>
  );
}
