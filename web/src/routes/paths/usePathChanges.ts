import { useMutation } from "@apollo/client/react";
import { useLayoutEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { graphql } from "../../gql";
import { useFocusTargets } from "../../ui/MoveButtons";
import { useVersionedChanges } from "../../ui/useVersionedChanges";
import type { LearningPathView } from "./PathPage";
import type { StepControl } from "./PathStepList";

const reorderPathStepsMutation = graphql(`
  mutation ReorderPathSteps($input: ReorderPathStepsInput!) {
    reorderPathSteps(input: $input) {
      id
      ...LearningPathDetail
    }
  }
`);

type Step = LearningPathView["steps"][number];

function sameOrder(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}

/**
 * The editor's changes to the path, one at a time against the version they were made on, and
 * the order the steps are shown in: a move shows at once and is sent after the changes before it.
 */
export function usePathChanges(
  path: LearningPathView,
  refetch: () => Promise<unknown>,
  announce: (message: string) => void,
) {
  const { t } = useTranslation();
  const [reorder] = useMutation(reorderPathStepsMutation);

  // Local order while a move is on its way; the server's once it has answered.
  const serverIds = path.steps.map((step) => step.id);
  const serverIdsRef = useRef(serverIds);
  serverIdsRef.current = serverIds;
  const [order, setOrder] = useState<string[] | null>(null);
  const pendingOrder = useRef<string[] | null>(null);
  const { run, conflict, dismissConflict, problem } = useVersionedChanges(path.version, {
    refetch,
    onConflict: () => {
      pendingOrder.current = null;
      setOrder(null);
    },
  });
  const shownIds =
    order && order.length === serverIds.length && order.every((id) => serverIds.includes(id)) ? order : serverIds;
  const stepsById = new Map(path.steps.map((step) => [step.id, step]));
  const steps = shownIds.map((id) => stepsById.get(id)).filter((step): step is Step => Boolean(step));

  const targets = useFocusTargets();
  const focusAfter = useRef<{ id: string; control: StepControl } | null>(null);

  useLayoutEffect(() => {
    const target = focusAfter.current;
    if (!target) return;
    focusAfter.current = null;
    targets.focus(`${target.id}:${target.control}`);
  });

  function moveTo(id: string, to: number, control: StepControl) {
    const ids = [...shownIds];
    const from = ids.indexOf(id);
    if (from < 0 || to < 0 || to >= ids.length || from === to) return;
    ids.splice(from, 1);
    ids.splice(to, 0, id);
    setOrder(ids);
    pendingOrder.current = ids;
    focusAfter.current = { id, control };
    announce(t("pathEditor.movedTo", { position: to + 1, total: ids.length }));
    void run(async (expectedVersion) => {
      const wanted = pendingOrder.current;
      if (!wanted) return null;
      const settle = () => {
        if (pendingOrder.current === wanted) {
          pendingOrder.current = null;
          setOrder(null);
        }
      };
      if (sameOrder(wanted, serverIdsRef.current)) {
        settle();
        return null;
      }
      const result = await reorder({ variables: { input: { pathId: path.id, stepIds: wanted, expectedVersion } } });
      settle();
      return result.data?.reorderPathSteps;
    });
  }

  // A move is shown ahead of the server until it has answered (the step list says so).
  return { run, conflict, dismissConflict, problem, steps, shownIds, targets, moveTo, saving: order !== null };
}
