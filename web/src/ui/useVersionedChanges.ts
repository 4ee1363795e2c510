import { useRef, useState } from "react";
import { hasCode } from "../app/errors";

/** A change made against `expectedVersion`; what it answers with carries the version it made. */
export type VersionedTask = (expectedVersion: number) => Promise<{ version: number } | null | undefined>;

interface VersionedChangesOptions {
  /** Brings the latest version after a CONFLICT. */
  refetch: () => Promise<unknown>;
  /** Drops what the page showed ahead of the server (an order on its way) after a CONFLICT. */
  onConflict?: () => void;
}

/**
 * Changes to something versioned (a document's outline, a learning path) go one at a time, each
 * against the latest version known. One refused because someone else changed it first (CONFLICT)
 * brings the latest version and says so: nothing is overwritten.
 */
export function useVersionedChanges(version: number, { refetch, onConflict }: VersionedChangesOptions) {
  const [conflict, setConflict] = useState(false);
  const [problem, setProblem] = useState<unknown>(null);
  const versionRef = useRef(version);
  if (version > versionRef.current) versionRef.current = version;
  const queue = useRef<Promise<unknown>>(Promise.resolve());

  /**
   * Runs one change after the ones before it. Returns whether it was accepted; a refusal other than
   * CONFLICT goes to `onRefused` first, which says whether it showed it where it belongs.
   */
  function run(task: VersionedTask, onRefused?: (error: unknown) => boolean): Promise<boolean> {
    const next = queue.current.then(async () => {
      try {
        const result = await task(versionRef.current);
        if (result) versionRef.current = Math.max(versionRef.current, result.version);
        setProblem(null);
        if (result) setConflict(false);
        return true;
      } catch (error) {
        if (hasCode(error, "CONFLICT")) {
          onConflict?.();
          setConflict(true);
          await refetch().catch(() => undefined);
        } else if (!onRefused?.(error)) {
          setProblem(error);
        }
        return false;
      }
    });
    queue.current = next;
    return next;
  }

  return { run, conflict, dismissConflict: () => setConflict(false), problem };
}
