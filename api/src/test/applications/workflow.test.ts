import { auditLog, notifications } from "@pratica/db";
import { and, asc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { buildOrganization } from "../admin/support.js";
import { buildCommunity, buildUser, type TestUser } from "../factories.js";
import { useTestServer } from "../fixture.js";
import {
  type ApplicationStatus,
  applicationIn,
  applicationInput,
  applicationRow,
  as,
  buildCast,
  type Cast,
  DECIDE,
  ONE,
  refused,
  submitted,
  UPDATE,
  WITHDRAW,
} from "./support.js";

// "Now" for the signing date's rule: noon in Turin on 15 June 2026.
const NOW = new Date("2026-06-15T10:00:00Z");
const server = useTestServer({}, undefined, { applicationsClock: () => NOW });
const request = as(() => server.url);
let cast: Cast;
beforeAll(async () => {
  cast = await buildCast(server.db);
});

const STATES: ApplicationStatus[] = ["SUBMITTED", "INFO_REQUESTED", "ACCEPTED", "DECLINED", "WITHDRAWN"];
const OPEN = new Set<ApplicationStatus>(["SUBMITTED", "INFO_REQUESTED"]);
const ROLES = ["anonymous", "unconfirmed", "member", "facilitator", "applicant", "admin"] as const;
type Role = (typeof ROLES)[number];
const who = (role: Role): TestUser | undefined => (role === "anonymous" ? undefined : cast[role]);

/** What anyone but the right person meets first: login, the confirmed address, then the read rule. */
const gateOf = (role: Role): string | null =>
  role === "anonymous"
    ? "UNAUTHENTICATED"
    : role === "unconfirmed"
      ? "FORBIDDEN"
      : role === "member" || role === "facilitator"
        ? "NOT_FOUND"
        : null;

describe("the permission matrix, each refusal changing nothing", () => {
  for (const state of STATES) {
    for (const role of ROLES) {
      it(`updateApplication of a ${state} application by ${role}`, async () => {
        const a = await applicationIn(server.db, cast.applicant, state);
        const send = () =>
          request(who(role), UPDATE, {
            i: {
              applicationId: a.id,
              expectedVersion: a.version,
              application: applicationInput(),
              message: "Here is what you asked for.",
            },
          });
        const expected = gateOf(role) ?? (role === "admin" ? "FORBIDDEN" : OPEN.has(state) ? null : "CONFLICT");
        if (expected) {
          const res = await refused(server.db, send, expected);
          if (expected === "CONFLICT")
            expect(res.errors?.[0]?.extensions?.current).toEqual({ status: state, version: 1 });
          return;
        }
        const res = await send();
        expect(res.errors).toBeUndefined();
        expect(res.data?.updateApplication).toMatchObject({ status: "SUBMITTED", version: 2 });
      });

      it(`withdrawApplication of a ${state} application by ${role}`, async () => {
        const a = await applicationIn(server.db, cast.applicant, state);
        const send = () => request(who(role), WITHDRAW, { i: { applicationId: a.id, expectedVersion: a.version } });
        const expected = gateOf(role) ?? (role === "admin" ? "FORBIDDEN" : OPEN.has(state) ? null : "CONFLICT");
        if (expected) {
          await refused(server.db, send, expected);
          return;
        }
        const res = await send();
        expect(res.data?.withdrawApplication).toMatchObject({ status: "WITHDRAWN", version: 2 });
      });

      it(`decideApplication (REQUEST_INFO) of a ${state} application by ${role}`, async () => {
        const a = await applicationIn(server.db, cast.applicant, state);
        const send = () =>
          request(who(role), DECIDE, {
            i: { applicationId: a.id, decision: "REQUEST_INFO", message: "Which district?", expectedVersion: 1 },
          });
        const canAsk = state === "SUBMITTED";
        const expected = gateOf(role) ?? (role === "applicant" ? "FORBIDDEN" : canAsk ? null : "CONFLICT");
        if (expected) {
          await refused(server.db, send, expected);
          return;
        }
        const res = await send();
        expect(res.data?.decideApplication).toMatchObject({
          status: "INFO_REQUESTED",
          version: 2,
          decisionMessage: "Which district?",
        });
      });
    }
  }

  for (const state of STATES) {
    it(`DECLINE and ACCEPT by an admin of a ${state} application`, async () => {
      for (const decision of ["DECLINE", "ACCEPT"] as const) {
        const a = await applicationIn(server.db, cast.applicant, state);
        const send = () =>
          request(cast.admin, DECIDE, {
            i: {
              applicationId: a.id,
              decision,
              expectedVersion: 1,
              ...(decision === "ACCEPT" ? { signedOn: "2026-06-15" } : { message: "Not a fit for now." }),
            },
          });
        if (!OPEN.has(state)) {
          await refused(server.db, send, "CONFLICT");
          continue;
        }
        const res = await send();
        expect(res.errors).toBeUndefined();
        expect(res.data?.decideApplication.status).toBe(decision === "ACCEPT" ? "ACCEPTED" : "DECLINED");
      }
    });
  }
});

describe("an admin's own application", () => {
  it("is decided by another admin: its sender is refused (OWN_APPLICATION), nothing changed, and told so by viewerCanDecide", async () => {
    const sender = await buildUser(server.db, { role: "ADMIN" });
    const { id } = await submitted(server.url, sender);
    for (const decision of ["REQUEST_INFO", "DECLINE", "ACCEPT"] as const) {
      const res = await refused(
        server.db,
        () =>
          request(sender, DECIDE, {
            i: {
              applicationId: id,
              decision,
              expectedVersion: 1,
              ...(decision === "ACCEPT" ? { signedOn: "2026-06-15" } : { message: "Fine by me." }),
            },
          }),
        "FORBIDDEN",
      );
      expect(res.errors?.[0]?.extensions?.reason).toBe("OWN_APPLICATION");
    }
    const own = await request(sender, ONE, { id });
    expect(own.data?.membershipApplication.viewerCanDecide).toBe(false);
    const other = await request(cast.admin, ONE, { id });
    expect(other.data?.membershipApplication.viewerCanDecide).toBe(true);
    const accepted = await request(cast.admin, DECIDE, {
      i: { applicationId: id, decision: "ACCEPT", expectedVersion: 1, signedOn: "2026-06-15" },
    });
    expect(accepted.errors).toBeUndefined();
    expect(accepted.data?.decideApplication.status).toBe("ACCEPTED");
  });
});

describe("stale versions: CONFLICT with the current status and version, nothing changed", () => {
  it("for every mutation", async () => {
    const { id } = await submitted(server.url, cast.applicant);
    const bumped = await request(cast.applicant, UPDATE, {
      i: { applicationId: id, expectedVersion: 1, application: applicationInput() },
    });
    expect(bumped.data?.updateApplication.version).toBe(2);
    const current = { status: "SUBMITTED", version: 2 };
    const update = await refused(
      server.db,
      () =>
        request(cast.applicant, UPDATE, {
          i: { applicationId: id, expectedVersion: 1, application: applicationInput() },
        }),
      "CONFLICT",
    );
    expect(update.errors?.[0]?.extensions?.current).toEqual(current);
    const withdraw = await refused(
      server.db,
      () => request(cast.applicant, WITHDRAW, { i: { applicationId: id, expectedVersion: 1 } }),
      "CONFLICT",
    );
    expect(withdraw.errors?.[0]?.extensions?.current).toEqual(current);
    for (const decision of ["ACCEPT", "REQUEST_INFO", "DECLINE"]) {
      const res = await refused(
        server.db,
        () =>
          request(cast.admin, DECIDE, {
            i: {
              applicationId: id,
              decision,
              message: "m",
              signedOn: decision === "ACCEPT" ? "2026-01-10" : undefined,
              expectedVersion: 1,
            },
          }),
        "CONFLICT",
      );
      expect(res.errors?.[0]?.extensions?.current).toEqual(current);
    }
  });
});

describe("decision input", () => {
  it("refuses a missing message, a missing, malformed, future or too early signing date, field by field", async () => {
    const { id } = await submitted(server.url, cast.applicant);
    const cases: [Record<string, unknown>, string][] = [
      [{ decision: "REQUEST_INFO" }, "message"],
      [{ decision: "REQUEST_INFO", message: "  " }, "message"],
      [{ decision: "DECLINE" }, "message"],
      [{ decision: "DECLINE", message: "x".repeat(2001) }, "message"],
      [{ decision: "DECLINE", message: "No.", signedOn: "2026-06-01" }, "signedOn"],
      [{ decision: "ACCEPT" }, "signedOn"],
      [{ decision: "ACCEPT", signedOn: "15/06/2026" }, "signedOn"],
      [{ decision: "ACCEPT", signedOn: "2026-02-30" }, "signedOn"],
      // Tomorrow in Turin is in the future.
      [{ decision: "ACCEPT", signedOn: "2026-06-16" }, "signedOn"],
      [{ decision: "ACCEPT", signedOn: "2016-12-31" }, "signedOn"],
    ];
    for (const [over, field] of cases) {
      await refused(
        server.db,
        () => request(cast.admin, DECIDE, { i: { applicationId: id, expectedVersion: 1, ...over } }),
        "BAD_USER_INPUT",
        field,
      );
    }
    const unknown = await refused(
      server.db,
      () =>
        request(cast.admin, DECIDE, {
          i: {
            applicationId: "00000000-0000-4000-8000-000000000000",
            decision: "DECLINE",
            message: "No.",
            expectedVersion: 1,
          },
        }),
      "NOT_FOUND",
    );
    expect(unknown.errors?.[0]?.message).toContain("Application");
  });

  it("refuses an answer without its message, and an update's invalid field named under `application`", async () => {
    const a = await applicationIn(server.db, cast.applicant, "INFO_REQUESTED");
    await refused(
      server.db,
      () =>
        request(cast.applicant, UPDATE, {
          i: { applicationId: a.id, expectedVersion: 1, application: applicationInput() },
        }),
      "BAD_USER_INPUT",
      "message",
    );
    await refused(
      server.db,
      () =>
        request(cast.applicant, UPDATE, {
          i: {
            applicationId: a.id,
            expectedVersion: 1,
            application: applicationInput({ latitude: 100 }),
            message: "ok",
          },
        }),
      "BAD_USER_INPUT",
      "application.latitude",
    );
  });
});

describe("editing", () => {
  it("refuses a partner's name, another open application's, or an archived community; keeps its own name", async () => {
    const applicant = await buildUser(server.db);
    const { id, input } = await submitted(server.url, applicant);
    const other = await submitted(server.url, await buildUser(server.db));
    const partner = await buildOrganization(server.db);
    const archived = await buildCommunity(server.db, { archivedAt: new Date() });
    const edit = (over: Record<string, unknown>) => () =>
      request(applicant, UPDATE, { i: { applicationId: id, expectedVersion: 1, application: { ...input, ...over } } });
    for (const [over, takenBy] of [
      [{ nameEn: partner.nameIt }, "PARTNER"],
      [{ nameIt: other.input.nameEn }, "APPLICATION"],
    ] as const) {
      const res = await refused(server.db, edit(over), "CONFLICT");
      expect(res.errors?.[0]?.extensions?.current).toEqual({ field: "nameEn", takenBy });
    }
    await refused(server.db, edit({ communityIds: [archived.id] }), "BAD_USER_INPUT", "application.communityIds");
    const kept = await edit({ descriptionEn: "Now with a better description." })();
    expect(kept.data?.updateApplication).toMatchObject({ status: "SUBMITTED", version: 2 });
  });
});

describe("a whole conversation", () => {
  it("submit → more information asked → answered → declined: every step in the history, the audit log and the notifications", async () => {
    const { id, input } = await submitted(server.url, cast.applicant);
    const asked = await request(cast.admin, DECIDE, {
      i: { applicationId: id, decision: "REQUEST_INFO", message: "Which district are you in?", expectedVersion: 1 },
    });
    expect(asked.data?.decideApplication).toMatchObject({
      status: "INFO_REQUESTED",
      decisionMessage: "Which district are you in?",
    });
    const answered = await request(cast.applicant, UPDATE, {
      i: {
        applicationId: id,
        expectedVersion: 2,
        application: { ...input, district: "Circoscrizione 7" },
        message: "The seventh.",
      },
    });
    expect(answered.data?.updateApplication).toMatchObject({ status: "SUBMITTED", version: 3 });
    const declined = await request(cast.admin, DECIDE, {
      i: { applicationId: id, decision: "DECLINE", message: "Outside the city for now.", expectedVersion: 3 },
    });
    expect(declined.data?.decideApplication).toMatchObject({ status: "DECLINED", version: 4, organization: null });

    const read = await request(cast.applicant, ONE, { id });
    expect(read.data?.membershipApplication).toMatchObject({
      district: "Circoscrizione 7",
      decisionMessage: "Outside the city for now.",
      viewerCanEdit: false,
      viewerCanWithdraw: false,
      viewerCanDecide: false,
      history: [
        { fromStatus: null, toStatus: "SUBMITTED", message: null, actor: { id: cast.applicant.id } },
        {
          fromStatus: "SUBMITTED",
          toStatus: "INFO_REQUESTED",
          message: "Which district are you in?",
          actor: { id: cast.admin.id },
        },
        {
          fromStatus: "INFO_REQUESTED",
          toStatus: "SUBMITTED",
          message: "The seventh.",
          actor: { id: cast.applicant.id },
        },
        {
          fromStatus: "SUBMITTED",
          toStatus: "DECLINED",
          message: "Outside the city for now.",
          actor: { id: cast.admin.id },
        },
      ],
    });
    expect(read.data?.membershipApplication.decidedAt).not.toBeNull();
    const entries = await server.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.targetId, id))
      .orderBy(asc(auditLog.createdAt), asc(auditLog.id));
    expect(entries.map((e) => [e.action, e.actorId])).toEqual([
      ["application.submit", cast.applicant.id],
      ["application.request_info", cast.admin.id],
      ["application.update", cast.applicant.id],
      ["application.decline", cast.admin.id],
    ]);
    const toApplicant = await server.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.applicationId, id), eq(notifications.userId, cast.applicant.id)))
      .orderBy(asc(notifications.createdAt));
    expect(toApplicant.map((n) => [n.kind, n.excerpt])).toEqual([
      ["APPLICATION_DECIDED", "Which district are you in?"],
      ["APPLICATION_DECIDED", "Outside the city for now."],
    ]);
    const toAdmin = await server.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.applicationId, id), eq(notifications.userId, cast.admin.id)))
      .orderBy(asc(notifications.createdAt));
    expect(toAdmin.map((n) => [n.kind, n.excerpt])).toEqual([
      ["APPLICATION_SUBMITTED", String(input.motivation)],
      ["APPLICATION_UPDATED", "The seventh."],
    ]);
    // The admin who acted hears nothing of their own decision; the applicant nothing of their own steps.
    expect(toApplicant.every((n) => n.actorId === cast.admin.id)).toBe(true);
    const row = await applicationRow(server.db, id);
    expect(row?.decidedBy).toBe(cast.admin.id);
  });

  it("withdrawn by the applicant: the admins told, in their language", async () => {
    const applicant = await buildUser(server.db);
    const { id } = await submitted(server.url, applicant);
    const res = await request(applicant, WITHDRAW, { i: { applicationId: id, expectedVersion: 1 } });
    expect(res.data?.withdrawApplication).toMatchObject({ status: "WITHDRAWN", version: 2 });
    const told = await server.db
      .select()
      .from(notifications)
      .where(
        and(
          eq(notifications.applicationId, id),
          eq(notifications.userId, cast.admin.id),
          eq(notifications.kind, "APPLICATION_UPDATED"),
        ),
      );
    expect(told).toHaveLength(1);
    const read = await request(
      cast.admin,
      `{ notifications(first: 50) { edges { node { id kind excerpt application { id status } } } } }`,
      {},
      "en",
    );
    const mine = read.data?.notifications.edges
      .map((e: { node: unknown }) => e.node)
      .find((n: { id: string }) => n.id === told[0]?.id);
    expect(mine).toMatchObject({
      excerpt: "The applicant withdrew the application.",
      application: { id, status: "WITHDRAWN" },
    });
    // In the reader's language: the system's sentence is put into words when read.
    const inItalian = await request(
      cast.admin,
      `{ notifications(first: 50) { edges { node { id excerpt } } } }`,
      {},
      "it",
    );
    const same = inItalian.data?.notifications.edges.find((e: { node: { id: string } }) => e.node.id === told[0]?.id);
    expect(same?.node.excerpt).toBe("Chi l'aveva presentata ha ritirato la domanda.");
  });
});
