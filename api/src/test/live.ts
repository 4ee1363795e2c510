import type { FormattedExecutionResult } from "graphql";
import type { Client } from "graphql-ws";

/** A running subscription that collects what arrives; `until` waits for a condition on it. */
export type Collector<T> = {
  results: FormattedExecutionResult<T, unknown>[];
  data: T[];
  done: Promise<void>;
  ended: () => boolean;
  until: (predicate: (data: T[]) => boolean, timeoutMs?: number) => Promise<T[]>;
  stop: () => void;
};

export function collect<T = Record<string, unknown>>(
  client: Client,
  query: string,
  variables: Record<string, unknown> = {},
): Collector<T> {
  const results: FormattedExecutionResult<T, unknown>[] = [];
  const data: T[] = [];
  const waiters = new Set<() => void>();
  let finished = false;
  let finish: () => void = () => {};
  const done = new Promise<void>((resolve) => {
    finish = () => {
      finished = true;
      resolve();
      for (const w of waiters) w();
    };
  });
  const stop = client.subscribe<T>(
    { query, variables },
    {
      next: (result) => {
        results.push(result);
        if (result.data) data.push(result.data);
        for (const w of waiters) w();
      },
      error: (error) => {
        results.push({
          errors: Array.isArray(error) ? error : [{ message: String(error) }],
        } as FormattedExecutionResult<T, unknown>);
        finish();
      },
      complete: () => finish(),
    },
  );
  return {
    results,
    data,
    done,
    ended: () => finished,
    stop,
    until(predicate, timeoutMs = 5000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (predicate(data)) {
            waiters.delete(check);
            clearTimeout(timer);
            resolve(data);
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`timed out; received ${JSON.stringify(results)}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
  };
}
