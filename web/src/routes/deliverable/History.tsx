import { useMutation, useQuery } from "@apollo/client/react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { hasCode } from "../../app/errors";
import { graphql } from "../../gql";
import { ActionProblem } from "../../ui/ActionProblem";
import { Alert } from "../../ui/Alert";
import { Badge } from "../../ui/Badge";
import { Button } from "../../ui/Button";
import { ErrorState } from "../../ui/ErrorState";
import { Loading } from "../../ui/Loading";
import { RelativeTime } from "../../ui/RelativeTime";
import { DiffView, wordDiff } from "./DiffView";
import type { SectionView } from "./deliverable.fragment";
import "../../ui/history.css";
import "./section-history.css";

const HISTORY_SIZE = 50;

// There is no `section(id)` query: the revisions come through the document, section by section.
const sectionHistoryQuery = graphql(`
  query SectionHistory($id: ID!, $first: Int!) {
    deliverable(id: $id) {
      id
      sections {
        id
        revisions(first: $first) {
          totalCount
          edges {
            cursor
            node {
              id
              version
              heading
              body
              createdAt
              restoredFrom
              author {
                id
                displayName
              }
              editor {
                id
                displayName
              }
              amendment {
                id
                proposer {
                  id
                  displayName
                }
              }
            }
          }
        }
      }
    }
  }
`);

const restoreSectionRevisionMutation = graphql(`
  mutation RestoreSectionRevision($input: RestoreSectionRevisionInput!) {
    restoreSectionRevision(input: $input) {
      id
      ...SectionView
    }
  }
`);

interface HistoryProps {
  deliverableId: string;
  section: SectionView;
  onAnnounce: (message: string) => void;
}

/**
 * A section's revisions, newest first: who, when, through which amendment or restore. Two of them
 * chosen show what changed between them; editors may bring an old one back as a new revision.
 */
export function History({ deliverableId, section, onAnnounce }: HistoryProps) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState<number[]>([]);
  const [conflict, setConflict] = useState(false);
  const [restoring, setRestoring] = useState<number | null>(null);
  const { data, loading, error, refetch } = useQuery(sectionHistoryQuery, {
    variables: { id: deliverableId, first: HISTORY_SIZE },
    fetchPolicy: "cache-and-network",
  });
  const [restore, restoreState] = useMutation(restoreSectionRevisionMutation);
  // A live change of the section makes the list ask again.
  const [seenVersion, setSeenVersion] = useState(section.version);
  if (seenVersion !== section.version) {
    setSeenVersion(section.version);
    void refetch().catch(() => undefined);
  }

  if (loading && !data) return <Loading />;
  if (error && !data) return <ErrorState error={error} retry={refetch} />;
  const history = data?.deliverable?.sections.find((s) => s.id === section.id)?.revisions;
  const revisions = history?.edges.map((edge) => edge.node) ?? [];
  const byVersion = new Map(revisions.map((r) => [r.version, r]));
  const [from, to] = [...chosen].sort((a, b) => a - b);
  const older = from === undefined ? undefined : byVersion.get(from);
  const newer = to === undefined ? undefined : byVersion.get(to);

  function toggle(version: number) {
    setChosen((current) =>
      current.includes(version) ? current.filter((v) => v !== version) : [...current, version].slice(-2),
    );
  }

  async function onRestore(version: number) {
    setConflict(false);
    setRestoring(version);
    try {
      await restore({ variables: { input: { sectionId: section.id, version, expectedVersion: section.version } } });
      onAnnounce(t("history.restoredNow", { version }));
      setChosen([]);
    } catch (refusal) {
      if (hasCode(refusal, "CONFLICT")) {
        restoreState.reset();
        setConflict(true);
        await refetch().catch(() => undefined);
      }
    } finally {
      setRestoring(null);
    }
  }

  return (
    <div className="history">
      {conflict ? <Alert tone="info">{t("history.conflict")}</Alert> : null}
      <ActionProblem error={restoreState.error} />
      {older && newer ? (
        <section className="history__compare" aria-live="polite">
          <h3>{t("history.compareTitle", { from: older.version, to: newer.version })}</h3>
          <DiffView
            parts={wordDiff(older.body, newer.body)}
            label={t("history.compareTitle", { from: older.version, to: newer.version })}
          />
        </section>
      ) : (
        <p className="history__hint">{t("history.chooseTwo")}</p>
      )}
      <ol className="history__list">
        {revisions.map((revision) => {
          const current = revision.version === section.version;
          return (
            <li key={revision.id} className="history__item">
              <label className="history__choose">
                <input
                  type="checkbox"
                  checked={chosen.includes(revision.version)}
                  onChange={() => toggle(revision.version)}
                />
                <span className="history__version">{t("history.version", { version: revision.version })}</span>
              </label>
              {current ? <Badge tone="accent">{t("history.current")}</Badge> : null}
              <p className="history__meta">
                {revision.editor.id === revision.author.id
                  ? t("history.by", { name: revision.editor.displayName })
                  : t("history.byFor", { name: revision.editor.displayName, author: revision.author.displayName })}{" "}
                · <RelativeTime value={revision.createdAt} />
              </p>
              {revision.amendment ? (
                <p className="history__via">
                  {t("history.viaAmendment", { name: revision.amendment.proposer.displayName })}
                </p>
              ) : null}
              {revision.restoredFrom ? (
                <p className="history__via">{t("history.restoredFrom", { version: revision.restoredFrom })}</p>
              ) : null}
              {section.viewerCanEdit && !current ? (
                <p className="actions">
                  <Button
                    size="sm"
                    variant="ghost"
                    busy={restoring === revision.version}
                    onClick={() => void onRestore(revision.version)}
                  >
                    {t("history.restore")}
                    <span className="visually-hidden"> ({t("history.version", { version: revision.version })})</span>
                  </Button>
                </p>
              ) : null}
            </li>
          );
        })}
      </ol>
      {history && history.totalCount > revisions.length ? (
        <p className="history__hint">{t("history.more", { count: history.totalCount - revisions.length })}</p>
      ) : null}
    </div>
  );
}
