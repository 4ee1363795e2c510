import { useMutation } from "@apollo/client/react";
import { useTranslation } from "react-i18next";
import { graphql } from "../../gql";
import type { ReactionKind } from "../../gql/graphql";
import { ActionProblem } from "../../ui/ActionProblem";
import { useRovingTabIndex } from "../../ui/useRovingTabIndex";
import type { ThreadPost } from "./post.fragment";

const toggleReactionMutation = graphql(`
  mutation ToggleReaction($input: ToggleReactionInput!) {
    toggleReaction(input: $input) {
      id
      reactions {
        kind
        count
        viewerReacted
      }
    }
  }
`);

export const REACTIONS: readonly (readonly [ReactionKind, string])[] = [
  ["LIKE", "👍"],
  ["HEART", "❤️"],
  ["CELEBRATE", "🎉"],
  ["INSIGHTFUL", "💡"],
  ["SUPPORT", "🙏"],
];

type Reaction = ThreadPost["reactions"][number];

/** The reactions after the viewer toggles one, as the api will count them. */
function toggled(reactions: readonly Reaction[], kind: ReactionKind): Reaction[] {
  const current = reactions.find((r) => r.kind === kind);
  const others = reactions.filter((r) => r.kind !== kind);
  const next = current
    ? { ...current, count: current.count + (current.viewerReacted ? -1 : 1), viewerReacted: !current.viewerReacted }
    : { __typename: "ReactionSummary" as const, kind, count: 1, viewerReacted: true };
  const order = REACTIONS.map(([k]) => k);
  return [...others, next].filter((r) => r.count > 0).sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind));
}

interface ReactionsProps {
  post: Pick<ThreadPost, "id" | "reactions">;
  /** Members react; everyone else sees the counts. */
  canReact: boolean;
}

export function Reactions({ post, canReact }: ReactionsProps) {
  const { t } = useTranslation();
  const [toggle, { error }] = useMutation(toggleReactionMutation);
  const roving = useRovingTabIndex(REACTIONS.length);
  const byKind = new Map(post.reactions.map((r) => [r.kind, r]));

  if (!canReact) {
    const shown = REACTIONS.filter(([kind]) => (byKind.get(kind)?.count ?? 0) > 0);
    if (shown.length === 0) return null;
    return (
      <ul className="reactions" aria-label={t("reactions.label")}>
        {shown.map(([kind, emoji]) => (
          <li key={kind} className="reaction reaction--static">
            <span aria-hidden="true">{emoji}</span>
            <span className="visually-hidden">{t(`reactions.kind.${kind}`)}</span> {byKind.get(kind)?.count}
          </li>
        ))}
      </ul>
    );
  }

  return (
    <div className="reactions-wrap">
      {/* One tab stop per post, not five: the arrows move between the reactions. */}
      <div className="reactions" role="toolbar" aria-label={t("reactions.label")} onKeyDown={roving.onKeyDown}>
        {REACTIONS.map(([kind, emoji], index) => {
          const reaction = byKind.get(kind);
          const count = reaction?.count ?? 0;
          return (
            <button
              key={kind}
              {...roving.item(index)}
              type="button"
              className={`reaction${count === 0 ? " reaction--none" : ""}`}
              aria-pressed={reaction?.viewerReacted ?? false}
              title={t(`reactions.kind.${kind}`)}
              onClick={() =>
                void toggle({
                  variables: { input: { postId: post.id, kind } },
                  optimisticResponse: {
                    // The cache needs the type name to find the post; the generated types leave it out.
                    toggleReaction: { __typename: "Post", id: post.id, reactions: toggled(post.reactions, kind) } as {
                      id: string;
                      reactions: Reaction[];
                    },
                  },
                }).catch(() => undefined)
              }
            >
              <span aria-hidden="true">{emoji}</span>
              <span className="visually-hidden">{t(`reactions.kind.${kind}`)}</span>
              {count > 0 ? (
                <>
                  {" "}
                  <span className="reaction__count">{count}</span>
                </>
              ) : null}
            </button>
          );
        })}
      </div>
      <ActionProblem error={error} />
    </div>
  );
}
