import type { DeliverableRow } from "@pratica/db";
import { describe, expect, it } from "vitest";
import {
  canActFor,
  canBeEndorsed,
  canComment,
  canCreateDeliverable,
  canDecideAmendment,
  canEditText,
  canManage,
  canProposeAmendment,
  canResolveComment,
  canSeeDeliverable,
  canWithdrawOpenAmendment,
  type DeliverableAccess,
} from "../../modules/deliverable/deliverable.policy.js";
import {
  ACTIVE,
  ALL,
  accessOf,
  MEMBERSHIPS,
  NOBODY,
  READERS_OF_MEMBERS_ONLY,
  VIEWERS,
  WHO,
  type Who,
} from "./standings.js";

type Status = DeliverableRow["status"];
/** The standings of `standings.ts`, plus the document's editor and an editor who has left the community. */
const DWHO = [...WHO, "editor", "formerEditor"] as const;
type DWho = (typeof DWHO)[number];

const da = (who: DWho, visibility: "PUBLIC" | "MEMBERS" = "PUBLIC"): DeliverableAccess =>
  who === "editor" || who === "formerEditor"
    ? {
        community: { id: "community", visibility, archivedAt: null },
        viewer: VIEWERS.member && { ...VIEWERS.member, id: who },
        membership: who === "editor" ? MEMBERSHIPS.member : null,
        editor: true,
      }
    : { ...accessOf(who as Who, visibility), editor: false };
const allowed = (rule: (who: DWho) => boolean): DWho[] => DWHO.filter(rule);
const d = (status: Status) => ({ status });
const WRITERS: DWho[] = [...ACTIVE, "editor"];

describe("deliverable policy: who × state → allowed", () => {
  type Row = readonly [string, (who: DWho) => boolean, readonly DWho[]];
  const table: Row[] = [
    ["sees a PUBLISHED document", (w) => canSeeDeliverable(da(w), d("PUBLISHED")), [...ALL, "editor", "formerEditor"]],
    [
      "sees a DRAFT document",
      (w) => canSeeDeliverable(da(w), d("DRAFT")),
      [...ACTIVE, "admin", "editor", "formerEditor"],
    ],
    [
      "sees a PUBLISHED document of a MEMBERS community",
      (w) => canSeeDeliverable(da(w, "MEMBERS"), d("PUBLISHED")),
      [...READERS_OF_MEMBERS_ONLY, "editor"],
    ],
    ["starts a document", (w) => canCreateDeliverable(da(w)), WRITERS],
    ["manages the document", (w) => canManage(da(w)), ["editor"]],
    ...(["DRAFT", "REVIEW"] as const).map(
      (s) => [`edits the text of a ${s} document`, (w: DWho) => canEditText(da(w), d(s)), ["editor"]] as const,
    ),
    ...(["APPROVED", "PUBLISHED", "ARCHIVED"] as const).map(
      (s) => [`edits the text of a ${s} document`, (w: DWho) => canEditText(da(w), d(s)), NOBODY] as const,
    ),
    ["proposes an amendment to a REVIEW document", (w) => canProposeAmendment(da(w), d("REVIEW")), WRITERS],
    ["proposes an amendment to an APPROVED document", (w) => canProposeAmendment(da(w), d("APPROVED")), NOBODY],
    [
      "decides an OPEN amendment of a DRAFT document",
      (w) => canDecideAmendment(da(w), d("DRAFT"), { status: "OPEN", proposerId: "member" }),
      ["editor"],
    ],
    [
      "decides an ACCEPTED amendment",
      (w) => canDecideAmendment(da(w), d("DRAFT"), { status: "ACCEPTED", proposerId: "member" }),
      NOBODY,
    ],
    [
      "decides an OPEN amendment of an APPROVED document",
      (w) => canDecideAmendment(da(w), d("APPROVED"), { status: "OPEN", proposerId: "member" }),
      NOBODY,
    ],
    [
      "withdraws their own OPEN amendment",
      (w) => canWithdrawOpenAmendment(da(w), { status: "OPEN", proposerId: da(w).viewer?.id ?? "nobody" }),
      DWHO.filter((w) => w !== "anonymous"),
    ],
    [
      "withdraws their own REJECTED amendment",
      (w) => canWithdrawOpenAmendment(da(w), { status: "REJECTED", proposerId: da(w).viewer?.id ?? "nobody" }),
      NOBODY,
    ],
    [
      "withdraws someone else's OPEN amendment",
      (w) => canWithdrawOpenAmendment(da(w), { status: "OPEN", proposerId: "someone-else" }),
      NOBODY,
    ],
    ["comments on a PUBLISHED document", (w) => canComment(da(w), d("PUBLISHED")), WRITERS],
    ["comments on an ARCHIVED document", (w) => canComment(da(w), d("ARCHIVED")), NOBODY],
    [
      "resolves their own comment thread",
      (w) => canResolveComment(da(w), { authorId: da(w).viewer?.id ?? "nobody" }),
      WRITERS,
    ],
    [
      "resolves someone else's comment thread",
      (w) => canResolveComment(da(w), { authorId: "someone-else" }),
      ["editor"],
    ],
  ];

  it.each(table)("%s", (_, rule, expected) => {
    expect(allowed(rule)).toEqual([...expected]);
  });

  it.each([
    [{ role: "REPRESENTATIVE" }, true],
    [{ role: "MEMBER" }, false],
    [null, false],
  ] as const)("a %o of an organisation acts for it: %s", (membership, expected) => {
    expect(canActFor(membership)).toBe(expected);
  });

  it.each([
    ["PUBLISHED", true],
    ...(["DRAFT", "REVIEW", "APPROVED", "ARCHIVED"] as const).map((s) => [s, false] as const),
  ] as const)("a %s document can be endorsed: %s", (status, expected) => {
    expect(canBeEndorsed({ status })).toBe(expected);
  });
});
