import { describe, expect, it } from "vitest";
import {
  canChangeRole,
  canDecideMembership,
  canModerate,
  canRead,
  canRemoveMember,
  canSeeMembers,
  canWrite,
  takesLastFacilitator,
} from "../../modules/community/community.policy.js";
import {
  ACTIVE,
  ALL,
  accessOf,
  allowed,
  MEMBERSHIPS,
  MODERATORS,
  NOBODY,
  READERS_OF_MEMBERS_ONLY,
  UNSANCTIONED,
  VIEWERS,
  type Who,
} from "./standings.js";

const v = (who: Who) => VIEWERS[who];
const m = (who: Who) => MEMBERSHIPS[who];
/** A membership of someone else, in a given role and status. */
const other = (role: "MEMBER" | "FACILITATOR", status: "ACTIVE" | "PENDING" = "ACTIVE") => ({
  userId: "someone-else",
  role,
  status,
});
/** The viewer's own membership as a target (admins have none: they stand for an absent one). */
const own = (who: Who) => ({
  userId: v(who)?.id ?? "nobody",
  role: m(who)?.role ?? "MEMBER",
  status: "ACTIVE" as const,
});

const ARCHIVED = { id: "community", visibility: "PUBLIC", archivedAt: new Date("2026-01-01") } as const;

describe("community policy: who × state → allowed", () => {
  const table: [string, (who: Who) => boolean, readonly Who[]][] = [
    ["reads a PUBLIC community", (w) => canRead(accessOf(w).community, v(w), m(w)), ALL],
    [
      "reads a MEMBERS community",
      (w) => canRead(accessOf(w, "MEMBERS").community, v(w), m(w)),
      READERS_OF_MEMBERS_ONLY,
    ],
    ["writes content", (w) => canWrite(accessOf(w)), ACTIVE],
    ["writes content in an archived community", (w) => canWrite({ ...accessOf(w), community: ARCHIVED }), []],
    ["moderates", (w) => canModerate(v(w), m(w)), MODERATORS],
    [
      "sees the active members of a PUBLIC community",
      (w) => canSeeMembers({ visibility: "PUBLIC" }, v(w), m(w), "ACTIVE"),
      ALL,
    ],
    [
      "sees the active members of a MEMBERS community",
      (w) => canSeeMembers({ visibility: "MEMBERS" }, v(w), m(w), "ACTIVE"),
      READERS_OF_MEMBERS_ONLY,
    ],
    ["sees the pending requests", (w) => canSeeMembers({ visibility: "PUBLIC" }, v(w), m(w), "PENDING"), MODERATORS],
    ["approves a PENDING request", (w) => canDecideMembership(v(w), m(w), { status: "PENDING" }), MODERATORS],
    [
      "approves an ACTIVE membership (decided already)",
      (w) => canDecideMembership(v(w), m(w), { status: "ACTIVE" }),
      NOBODY,
    ],
    ["removes a member", (w) => canRemoveMember(v(w), m(w), other("MEMBER")), MODERATORS],
    ["removes a pending applicant", (w) => canRemoveMember(v(w), m(w), other("MEMBER", "PENDING")), MODERATORS],
    ["removes a facilitator", (w) => canRemoveMember(v(w), m(w), other("FACILITATOR")), ["admin"]],
    ["removes themselves (that is leaving)", (w) => canRemoveMember(v(w), m(w), own(w)), NOBODY],
    ["changes an ACTIVE member's role", (w) => canChangeRole(v(w), { status: "ACTIVE" }), ["admin"]],
    ["changes a PENDING member's role", (w) => canChangeRole(v(w), { status: "PENDING" }), NOBODY],
  ];

  it.each(table)("%s", (_, rule, expected) => {
    expect(allowed(rule)).toEqual([...expected]);
  });

  it.each([
    [{ role: "FACILITATOR", status: "ACTIVE" }, 1, true],
    [{ role: "FACILITATOR", status: "ACTIVE" }, 2, false],
    [{ role: "MEMBER", status: "ACTIVE" }, 1, false],
    [{ role: "FACILITATOR", status: "PENDING" }, 1, false],
  ] as const)("takesLastFacilitator(%o, %i facilitators) is %s", (membership, count, expected) => {
    expect(takesLastFacilitator({ ...membership, ...UNSANCTIONED }, count)).toBe(expected);
  });
});
