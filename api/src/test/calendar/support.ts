import { expect } from "vitest";
import type { TestUser } from "../factories.js";
import { type ParsedCalendar, parseIcs } from "./parse-ics.js";

/** GET a plain route of the test server, as `user` (Bearer) or anonymously. */
export const fetchFrom =
  (url: () => string) =>
  (path: string, user?: TestUser, headers: Record<string, string> = {}) =>
    fetch(new URL(path, url().replace(/\/graphql$/, "")), {
      headers: { ...headers, ...(user ? { authorization: `Bearer ${user.token}` } : {}) },
    });

/** A 200 text/calendar answer, parsed back with ical.js. */
export async function calendarOf(res: Response): Promise<ParsedCalendar & { text: string }> {
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toMatch(/^text\/calendar; charset=utf-8/);
  const text = await res.text();
  return { ...parseIcs(text), text };
}
