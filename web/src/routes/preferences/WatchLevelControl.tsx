import { useMutation, useQuery } from "@apollo/client/react";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { useProblemMessage } from "../../app/useProblemMessage";
import type { WatchLevel, WatchSettingFieldsFragment } from "../../gql/graphql";
import { Alert } from "../../ui/Alert";
import { Button } from "../../ui/Button";
import {
  communityWatchQuery,
  deliverableWatchQuery,
  setWatchLevelMutation,
  threadWatchQuery,
  WATCH_LEVELS,
} from "./watch.graphql";
import "./preferences.css";

type Target = { threadId: string } | { communitySlug: string } | { deliverableId: string };

/**
 * The viewer's watch level on a thread, community or document: a labelled select, with the
 * level's meaning and why it applies read out with it (aria-describedby). It asks for its own
 * data, so a page only places it. Nothing shows for anonymous readers.
 */
export function WatchLevelControl({ target }: { target: Target }) {
  if ("threadId" in target) return <ThreadWatch id={target.threadId} />;
  if ("communitySlug" in target) return <CommunityWatch slug={target.communitySlug} />;
  return <DeliverableWatch id={target.deliverableId} />;
}

function ThreadWatch({ id }: { id: string }) {
  const { data, refetch } = useQuery(threadWatchQuery, { variables: { id }, fetchPolicy: "cache-and-network" });
  const setting = data?.thread?.viewerWatchLevel;
  return setting ? <WatchSelect setting={setting} input={{ threadId: id }} onChanged={() => void refetch()} /> : null;
}

function CommunityWatch({ slug }: { slug: string }) {
  const { data, refetch } = useQuery(communityWatchQuery, { variables: { slug }, fetchPolicy: "cache-and-network" });
  const setting = data?.community?.viewerWatchLevel;
  const id = data?.community?.id;
  return setting && id ? (
    <WatchSelect setting={setting} input={{ communityId: id }} onChanged={() => void refetch()} />
  ) : null;
}

function DeliverableWatch({ id }: { id: string }) {
  const { data, refetch } = useQuery(deliverableWatchQuery, { variables: { id }, fetchPolicy: "cache-and-network" });
  const setting = data?.deliverable?.viewerWatchLevel;
  return setting ? (
    <WatchSelect setting={setting} input={{ deliverableId: id }} onChanged={() => void refetch()} />
  ) : null;
}

interface WatchSelectProps {
  setting: WatchSettingFieldsFragment;
  input: { threadId?: string; communityId?: string; deliverableId?: string };
  onChanged: () => void;
}

function WatchSelect({ setting, input, onChanged }: WatchSelectProps) {
  const { t } = useTranslation();
  const id = useId();
  const [status, setStatus] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const problemMessage = useProblemMessage();
  const [save, { loading }] = useMutation(setWatchLevelMutation);

  async function choose(level: WatchLevel | null) {
    setProblem(null);
    try {
      const result = await save({ variables: { input: { ...input, level } } });
      const now = result.data?.setWatchLevel;
      if (now) setStatus(t("watch.saved", { level: t(`watch.level.${now.level}`) }));
      onChanged();
    } catch (error) {
      setProblem(problemMessage(error));
    }
  }

  return (
    <div className="watch-level" aria-busy={loading || undefined}>
      <label htmlFor={id} className="watch-level__label">
        {t("watch.label")}
      </label>
      <div className="watch-level__row">
        <select
          id={id}
          className="field__control watch-level__select"
          value={setting.level}
          aria-describedby={`${id}-explain`}
          onChange={(event) => void choose(event.currentTarget.value as WatchLevel)}
        >
          {WATCH_LEVELS.map((level) => (
            <option key={level} value={level}>
              {t(`watch.level.${level}`)}
            </option>
          ))}
        </select>
        {setting.explicit ? (
          <Button variant="ghost" size="sm" onClick={() => void choose(null)}>
            {t("watch.reset")}
          </Button>
        ) : null}
      </div>
      <p id={`${id}-explain`} className="watch-level__explain">
        {t(`watch.explain.${setting.scope}.${setting.level}`)} {t(`watch.source.${setting.source}`)}
      </p>
      <p role="status" className="visually-hidden">
        {status}
      </p>
      {problem ? <Alert>{problem}</Alert> : null}
    </div>
  );
}
