import { useMutation } from "@apollo/client/react";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useProblemMessage } from "../../app/useProblemMessage";
import type { WatchLevel, WatchSettingFieldsFragment } from "../../gql/graphql";
import { Alert } from "../../ui/Alert";
import { Button } from "../../ui/Button";
import { setWatchLevelMutation, WATCH_LEVELS } from "./watch.graphql";

type Watch = WatchSettingFieldsFragment & {
  thread?: { id: string; title: string } | null;
  community?: { id: string; slug: string; name: string } | null;
  deliverable?: { id: string; title: string } | null;
};

interface WatchListProps {
  watches: readonly Watch[];
  onChanged: () => void;
}

/** The explicit watch levels, each changeable or removable where it is listed. */
export function WatchList({ watches, onChanged }: WatchListProps) {
  const { t } = useTranslation();
  const id = useId();
  const [status, setStatus] = useState("");
  return (
    <section aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t("notificationSettings.watchesTitle")}</h2>
      <p className="field__hint">{t("notificationSettings.watchesIntro")}</p>
      {watches.length === 0 ? (
        <p>{t("notificationSettings.watchesEmpty")}</p>
      ) : (
        <ul className="notification-settings__watches">
          {watches.map((watch) => (
            <WatchRow
              key={keyOf(watch)}
              watch={watch}
              onChanged={(message) => {
                setStatus(message);
                onChanged();
              }}
            />
          ))}
        </ul>
      )}
      <p role="status" className="visually-hidden">
        {status}
      </p>
    </section>
  );
}

const keyOf = (watch: Watch) => `${watch.scope}:${watch.scopeId}`;

function WatchRow({ watch: setting, onChanged }: { watch: Watch; onChanged: (message: string) => void }) {
  const { t } = useTranslation();
  const watch = setting;
  const selectId = useId();
  const problemMessage = useProblemMessage();
  const [problem, setProblem] = useState<string | null>(null);
  const [save, { loading }] = useMutation(setWatchLevelMutation);
  const name = watch.thread?.title ?? watch.community?.name ?? watch.deliverable?.title ?? null;
  const href = watch.thread
    ? `/t/${watch.thread.id}`
    : watch.community
      ? `/c/${watch.community.slug}`
      : watch.deliverable
        ? `/d/${watch.deliverable.id}`
        : null;
  const label = name ?? t("notificationSettings.unavailable");
  const scopeInput =
    setting.scope === "THREAD"
      ? { threadId: setting.scopeId }
      : setting.scope === "COMMUNITY"
        ? { communityId: setting.scopeId }
        : { deliverableId: setting.scopeId };

  async function choose(level: WatchLevel | null) {
    setProblem(null);
    try {
      await save({ variables: { input: { ...scopeInput, level } } });
      onChanged(
        level
          ? t("watch.saved", { level: t(`watch.level.${level}`) })
          : t("notificationSettings.removed", { name: label }),
      );
    } catch (error) {
      setProblem(problemMessage(error));
    }
  }

  return (
    <li className="notification-settings__watch" aria-busy={loading || undefined}>
      <p className="notification-settings__watch-name">
        <span className="notification-settings__scope">{t(`notificationSettings.scope.${setting.scope}`)}</span>
        {href ? <Link to={href}>{label}</Link> : label}
      </p>
      <label htmlFor={selectId} className="visually-hidden">
        {t("notificationSettings.levelFor", { name: label })}
      </label>
      <select
        id={selectId}
        className="field__control watch-level__select"
        value={setting.level}
        onChange={(event) => void choose(event.currentTarget.value as WatchLevel)}
      >
        {WATCH_LEVELS.map((level) => (
          <option key={level} value={level}>
            {t(`watch.level.${level}`)}
          </option>
        ))}
      </select>
      <Button variant="secondary" size="sm" onClick={() => void choose(null)}>
        <span aria-hidden="true">{t("notificationSettings.remove")}</span>
        <span className="visually-hidden">{t("notificationSettings.removeFor", { name: label })}</span>
      </Button>
      {problem ? <Alert>{problem}</Alert> : null}
    </li>
  );
}
