import { createHash } from "node:crypto";
import type { Programme } from "@pratica/rules";
import { DateTime } from "luxon";
import { z } from "zod";
import type { ImportProblem } from "./problems.js";
import { programmeOf } from "./programme.js";
import type { RawCall } from "./read.js";
import { themesFor } from "./themes.js";

export type CallStatus = "FORTHCOMING" | "OPEN" | "CLOSED" | "UNKNOWN";

/** A call's values as we store them; the content hash is taken over exactly these. */
export type CallValues = {
  callIdentifier: string | null;
  title: string;
  programme: Programme;
  status: CallStatus;
  opensAt: Date | null;
  deadlineAt: Date | null;
  deadlineTimeZone: string;
  budgetTotal: number | null;
  budgetPerProjectMin: number | null;
  budgetPerProjectMax: number | null;
  expectedGrants: number | null;
  typeOfAction: string | null;
  themes: string[];
  keywords: string[];
  description: string;
  url: string | null;
};

export const CALL_FIELDS = [
  "callIdentifier",
  "title",
  "programme",
  "status",
  "opensAt",
  "deadlineAt",
  "deadlineTimeZone",
  "budgetTotal",
  "budgetPerProjectMin",
  "budgetPerProjectMax",
  "expectedGrants",
  "typeOfAction",
  "themes",
  "keywords",
  "description",
  "url",
] as const satisfies readonly (keyof CallValues)[];

export type Normalised =
  | { ok: true; identifier: string; values: CallValues; warnings: ImportProblem[] }
  | { ok: false; problem: ImportProblem };

/** The portal's status codes (its "status" facet); the words are accepted too, for hand-made CSVs. */
const STATUS: Record<string, CallStatus> = {
  "31094501": "FORTHCOMING",
  "31094502": "OPEN",
  "31094503": "CLOSED",
  forthcoming: "FORTHCOMING",
  open: "OPEN",
  closed: "CLOSED",
};

/** The portal gives every deadline in Brussels time. */
export const DEADLINE_TIME_ZONE = "Europe/Brussels";
const IDENTIFIER = /^[A-Za-z0-9][A-Za-z0-9._/-]{0,199}$/;
const TITLE_MAX = 1_000;
const DESCRIPTION_MAX = 20_000;
const KEYWORDS_MAX = 100;

const money = z.number().finite().nonnegative().max(1e13);
const budgetAction = z.looseObject({
  action: z.string().optional(),
  budgetYearMap: z.record(z.string(), z.union([money, z.string()])).optional(),
  expectedGrants: z.number().int().nonnegative().max(1_000_000).optional(),
  minContribution: money.optional(),
  maxContribution: money.optional(),
});
const budgetOverview = z.looseObject({ budgetTopicActionMap: z.record(z.string(), z.array(budgetAction)) });

const first = (raw: RawCall, key: string): string | null => {
  const v = raw.values[key]?.find((s) => s.trim() !== "");
  return v === undefined ? null : v.trim();
};

/**
 * "2026-09-17T00:00:00.000+0000" (the portal's form), any ISO 8601 instant, or a date alone (the
 * start of that day in Brussels); null when it is none of them.
 */
export function readDate(text: string): Date | null {
  const iso = text.trim().replace(/([+-]\d{2})(\d{2})$/, "$1:$2");
  const parsed = DateTime.fromISO(iso, { zone: DEADLINE_TIME_ZONE, setZone: false });
  return parsed.isValid && /^\d{4}-\d{2}-\d{2}/.test(iso) ? parsed.toJSDate() : null;
}

const stripHtml = (html: string) =>
  html
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, " ")
    .replace(/<\/(p|li|h\d|div)>|<br\s*\/?>/gi, "\n")
    .replace(/<[^>]*>/g, " ")
    .replace(/&nbsp;/g, " ")
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/[ \t\f\v]+/g, " ")
    .replace(/ *\n[\n ]*/g, "\n\n")
    .trim();

type Budget = Pick<CallValues, "budgetTotal" | "budgetPerProjectMin" | "budgetPerProjectMax" | "expectedGrants">;
const NO_BUDGET: Budget = {
  budgetTotal: null,
  budgetPerProjectMin: null,
  budgetPerProjectMax: null,
  expectedGrants: null,
};

/**
 * The budget from `budgetOverview` (JSON inside a string): the actions of this topic (those whose
 * `action` names it; all when none does), their yearly amounts summed, their grants summed, the
 * smallest minimum and the largest maximum contribution.
 */
function readBudget(text: string, identifier: string): Budget | null {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = budgetOverview.safeParse(json);
  if (!parsed.success) return null;
  const all = Object.values(parsed.data.budgetTopicActionMap).flat();
  const own = all.filter((a) => a.action?.startsWith(identifier));
  const actions = own.length > 0 ? own : all;
  if (actions.length === 0) return NO_BUDGET;
  const amounts = actions.flatMap((a) => Object.values(a.budgetYearMap ?? {}).map(Number));
  if (amounts.some((n) => !Number.isFinite(n) || n < 0)) return null;
  const mins = actions.flatMap((a) => (a.minContribution === undefined ? [] : [a.minContribution]));
  const maxs = actions.flatMap((a) => (a.maxContribution === undefined ? [] : [a.maxContribution]));
  const grants = actions.flatMap((a) => (a.expectedGrants === undefined ? [] : [a.expectedGrants]));
  return {
    budgetTotal: amounts.length ? Math.round(amounts.reduce((s, n) => s + n, 0)) : null,
    budgetPerProjectMin: mins.length ? Math.round(Math.min(...mins)) : null,
    budgetPerProjectMax: maxs.length ? Math.round(Math.max(...maxs)) : null,
    expectedGrants: grants.length ? grants.reduce((s, n) => s + n, 0) : null,
  };
}

/** One row to our values, with a warning for each value it could not read; rejected without identifier or title. */
export function normalise(raw: RawCall): Normalised {
  const identifier = first(raw, "identifier");
  const warn = (field: string, reason: string): ImportProblem => ({
    row: raw.row,
    identifier,
    field,
    reason,
    severity: "WARNING",
  });
  const reject = (field: string, reason: string): Normalised => ({
    ok: false,
    problem: { ...warn(field, reason), severity: "REJECTED" },
  });
  if (!identifier) return reject("identifier", "The call has no identifier: row left out.");
  if (!IDENTIFIER.test(identifier))
    return reject("identifier", "The identifier is not one (letters, digits, - . _ /): row left out.");
  const title = first(raw, "title");
  if (!title) return reject("title", "The call has no title: row left out.");

  const warnings: ImportProblem[] = [];
  const statusText = first(raw, "status");
  let status: CallStatus = "UNKNOWN";
  if (statusText) {
    const known = STATUS[statusText.toLowerCase()];
    if (known) status = known;
    else warnings.push(warn("status", `Unknown status "${statusText.slice(0, 40)}": read as UNKNOWN.`));
  } else warnings.push(warn("status", "No status: read as UNKNOWN."));

  const dateOf = (field: string, text: string | null): Date | null => {
    if (text === null) return null;
    const date = readDate(text);
    if (!date) warnings.push(warn(field, `Not a date: "${text.slice(0, 40)}"; left empty.`));
    return date;
  };
  const opensAt = dateOf("startDate", first(raw, "startDate"));
  // A two-stage call lists both deadlines: the first one is the one to meet.
  const deadlines = (raw.values.deadlineDate ?? []).filter((d) => d.trim() !== "");
  const deadlineDates = deadlines.map((d) => dateOf("deadlineDate", d)).filter((d): d is Date => d !== null);
  const deadlineAt = deadlineDates.length ? new Date(Math.min(...deadlineDates.map((d) => d.getTime()))) : null;

  let budget = NO_BUDGET;
  const budgetText = first(raw, "budgetOverview");
  if (budgetText) {
    const read = readBudget(budgetText, identifier);
    if (read) budget = read;
    else warnings.push(warn("budgetOverview", "The budget overview is not readable: budget left empty."));
  }

  let url = first(raw, "url");
  if (url && !/^https?:\/\/[^\s]+$/i.test(url)) {
    warnings.push(warn("url", "Not a web address: left empty."));
    url = null;
  }
  const keywords = [...new Set([...(raw.values.keywords ?? []), ...(raw.values.tags ?? [])].map((k) => k.trim()))]
    .filter((k) => k !== "" && k.length <= 200)
    .slice(0, KEYWORDS_MAX);
  const typeOfAction = first(raw, "typesOfAction");
  return {
    ok: true,
    identifier,
    warnings,
    values: {
      callIdentifier: first(raw, "callIdentifier"),
      title: title.slice(0, TITLE_MAX),
      programme: programmeOf(identifier),
      status,
      opensAt,
      deadlineAt,
      deadlineTimeZone: DEADLINE_TIME_ZONE,
      ...budget,
      typeOfAction,
      themes: themesFor([title, ...keywords]),
      keywords,
      description: stripHtml(first(raw, "descriptionByte") ?? first(raw, "description") ?? "").slice(
        0,
        DESCRIPTION_MAX,
      ),
      url,
    },
  };
}

/** Values as JSON (dates as ISO strings), for the hash and for a revision's stored old values. */
export const valuesAsJson = (v: CallValues): Record<string, unknown> =>
  Object.fromEntries(CALL_FIELDS.map((f) => [f, v[f] instanceof Date ? (v[f] as Date).toISOString() : v[f]]));

export const contentHash = (v: CallValues): string =>
  createHash("sha256")
    .update(JSON.stringify(valuesAsJson(v)))
    .digest("hex");

/** The fields whose values differ (by their JSON form). */
export const changedFields = (before: CallValues, after: CallValues): string[] => {
  const a = valuesAsJson(before);
  const b = valuesAsJson(after);
  return CALL_FIELDS.filter((f) => JSON.stringify(a[f]) !== JSON.stringify(b[f]));
};
