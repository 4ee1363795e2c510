import { gql } from "../client.js";
import type { TestUser } from "../factories.js";

/** "Now" for every funding-calls test: tests move `clock.now`. */
export const NOW = new Date("2026-12-07T09:00:00Z");
export const DAY = 86_400_000;
export const clock = { now: NOW };
export const hooks = { fundingCallsClock: () => clock.now };

export const request =
  (url: () => string) =>
  (user: TestUser | undefined, query: string, variables = {}) =>
    gql(url(), query, variables, { token: user?.token });
