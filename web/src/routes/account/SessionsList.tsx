import { useMutation } from "@apollo/client/react";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { useProblemMessage } from "../../app/useProblemMessage";
import { graphql } from "../../gql";
import { Alert } from "../../ui/Alert";
import { Badge } from "../../ui/Badge";
import { Button } from "../../ui/Button";
import { formatRelative } from "../../ui/format";

const revokeSessionMutation = graphql(`
  mutation RevokeSession($id: ID!) {
    revokeSession(id: $id)
  }
`);

interface SessionItem {
  id: string;
  device: string;
  current: boolean;
  createdAt: unknown;
  lastUsedAt?: unknown;
}

/** Where the account is logged in; any device but this one can be logged out (this one: "Log out" in the menu). */
export function SessionsList({ sessions, onRevoked }: { sessions: readonly SessionItem[]; onRevoked: () => void }) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const problemMessage = useProblemMessage();
  const [revoke, { loading }] = useMutation(revokeSessionMutation);
  const [said, setSaid] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  async function onRevoke(session: SessionItem) {
    setSaid(null);
    setProblem(null);
    try {
      await revoke({ variables: { id: session.id } });
      setSaid(t("security.revoked", { device: session.device }));
      onRevoked();
    } catch (error) {
      setProblem(problemMessage(error));
    }
  }

  return (
    <section className="card security__card" aria-labelledby={headingId}>
      <h2 id={headingId}>{t("security.sessionsHeading")}</h2>
      <p className="security__intro">{t("security.sessionsIntro")}</p>
      {problem ? <Alert>{problem}</Alert> : null}
      <ul className="sessions">
        {[...sessions]
          .sort((a, b) => Number(b.current) - Number(a.current))
          .map((session) => (
            <li key={session.id} className="sessions__item">
              <div>
                <p className="sessions__device">
                  {session.device} {session.current ? <Badge tone="accent">{t("security.thisDevice")}</Badge> : null}
                </p>
                <p className="sessions__when">
                  {session.lastUsedAt
                    ? t("security.lastUsed", { when: formatRelative(session.lastUsedAt, i18n.language) })
                    : t("security.since", { when: formatRelative(session.createdAt, i18n.language) })}
                </p>
              </div>
              {session.current ? null : (
                <Button
                  variant="secondary"
                  size="sm"
                  busy={loading}
                  aria-label={t("security.revokeLabel", { device: session.device })}
                  onClick={() => void onRevoke(session)}
                >
                  {t("security.revoke")}
                </Button>
              )}
            </li>
          ))}
      </ul>
      <p role="status" className="security__status">
        {said ?? ""}
      </p>
    </section>
  );
}
