import { decisions } from "@pratica/db";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { refusedUnchanged } from "../admin/support.js";
import type { TestUser } from "../factories.js";
import { useTestServer } from "../fixture.js";
import {
  as,
  buildCast,
  CANCEL,
  CLOSE,
  CREATE,
  createDecision,
  inHours,
  NOW,
  OPEN,
  PUBLISH,
  TABLES,
  UPDATE,
  VOTE,
} from "./support.js";

const server = useTestServer({}, undefined, { decisionsClock: () => NOW });
const ask = as(server);
const base = (communityId: string, more: Record<string, unknown> = {}) => ({
  communityId,
  title: "Which venue",
  kind: "SINGLE_CHOICE",
  options: [{ label: "A" }, { label: "B" }],
  closesAt: inHours(48).toISOString(),
  ...more,
});

describe("createDecision", () => {
  it("refuses the anonymous, outsiders, pending members; changing nothing", async () => {
    const c = await buildCast(server);
    const i = base(c.community.id);
    await refusedUnchanged(server.db, TABLES, () => ask(undefined, CREATE, { i }), "UNAUTHENTICATED");
    await refusedUnchanged(server.db, TABLES, () => ask(c.outsider, CREATE, { i }), "FORBIDDEN");
    await refusedUnchanged(server.db, TABLES, () => ask(c.pending, CREATE, { i }), "FORBIDDEN");
  });

  it("refuses invalid input field by field", async () => {
    const c = await buildCast(server);
    const cases: [Record<string, unknown>, string][] = [
      [{ title: "  " }, "title"],
      [{ options: [{ label: "Only one" }] }, "options"],
      [{ kind: "CONSENT" }, "options"],
      [{ closesAt: inHours(-1).toISOString() }, "closesAt"],
      [{ opensAt: inHours(50).toISOString() }, "opensAt"],
      [{ quorumPercent: 0 }, "quorumPercent"],
      [{ quorumPercent: 101 }, "quorumPercent"],
      [{ kind: "MULTIPLE_CHOICE", maxChoices: 3 }, "maxChoices"],
      [{ kind: "DOT_VOTE" }, "dotsPerVoter"],
      [{ kind: "DOT_VOTE", dotsPerVoter: 101 }, "dotsPerVoter"],
      [{ moveDeliverableTo: "APPROVED" }, "moveDeliverableTo"],
      [{ kind: "TIME_POLL" }, "options.0.startsAt"],
      [{ threadId: c.community.id }, "communityId"],
    ];
    for (const [more, field] of cases) {
      await refusedUnchanged(
        server.db,
        TABLES,
        () => ask(c.member, CREATE, { i: base(c.community.id, more) }),
        "BAD_USER_INPUT",
        field,
      );
    }
  });

  it("a draft stays a draft; open:true opens now", async () => {
    const c = await buildCast(server);
    const draft = (await ask(c.member, CREATE, { i: base(c.community.id) })).data?.createDecision;
    expect(draft).toMatchObject({ state: "DRAFT", viewerCanOpen: true, viewerCanVote: false });
    const open = (await ask(c.member, CREATE, { i: base(c.community.id, { open: true }) })).data?.createDecision;
    expect(open).toMatchObject({ state: "OPEN", viewerCanVote: true, viewerCanClose: true });
  });
});

describe("steps: open, close, cancel, publish", () => {
  const step = (user: TestUser | undefined, query: string, d: { id: string; version: number }, version = d.version) =>
    ask(user, query, { i: { decisionId: d.id, expectedVersion: version } });

  it("the permission matrix: author, facilitator and admin steer; a member, an outsider, the anonymous do not", async () => {
    const c = await buildCast(server);
    for (const who of [c.member, c.outsider, undefined]) {
      const d = await createDecision(server, c.author, { ...base(c.community.id), open: false });
      const code = who ? "FORBIDDEN" : "UNAUTHENTICATED";
      await refusedUnchanged(server.db, TABLES, () => step(who, OPEN, d), code);
      await refusedUnchanged(server.db, TABLES, () => step(who, CANCEL, d), code);
      await refusedUnchanged(
        server.db,
        TABLES,
        () => ask(who, UPDATE, { i: { decisionId: d.id, expectedVersion: d.version, title: "New" } }),
        code,
      );
      const open = await createDecision(server, c.author, base(c.community.id));
      await refusedUnchanged(server.db, TABLES, () => step(who, CLOSE, open), code);
    }
    for (const who of [c.author, c.facilitator, c.admin]) {
      const d = await createDecision(server, c.author, { ...base(c.community.id), open: false });
      const opened = (await step(who, OPEN, d)).data?.openDecision;
      expect(opened.state).toBe("OPEN");
      const closed = (await step(who, CLOSE, opened)).data?.closeDecision;
      expect(closed.state).toBe("CLOSED");
      const published = await ask(who, PUBLISH, {
        i: { decisionId: d.id, expectedVersion: closed.version, text: "We go with A." },
      });
      expect(published.data?.publishOutcome).toMatchObject({ state: "OUTCOME_PUBLISHED", outcome: "We go with A." });
      const again = await ask(who, PUBLISH, {
        i: { decisionId: d.id, expectedVersion: published.data?.publishOutcome.version, text: "Correction: B." },
      });
      expect(again.data?.publishOutcome.outcomeHistory.map((o: { text: string }) => o.text)).toEqual([
        "We go with A.",
        "Correction: B.",
      ]);
    }
  });

  it("refuses the wrong state and a stale version, changing nothing", async () => {
    const c = await buildCast(server);
    const d = await createDecision(server, c.author, base(c.community.id));
    await refusedUnchanged(server.db, TABLES, () => step(c.author, OPEN, d), "CONFLICT");
    await refusedUnchanged(
      server.db,
      TABLES,
      () => ask(c.author, PUBLISH, { i: { decisionId: d.id, expectedVersion: d.version, text: "x" } }),
      "CONFLICT",
    );
    await refusedUnchanged(server.db, TABLES, () => step(c.author, CLOSE, d, d.version + 1), "CONFLICT");
    await refusedUnchanged(
      server.db,
      TABLES,
      () => ask(c.author, UPDATE, { i: { decisionId: d.id, expectedVersion: d.version, title: "Not while open" } }),
      "CONFLICT",
    );
    const closed = (await step(c.author, CLOSE, d)).data?.closeDecision;
    await refusedUnchanged(server.db, TABLES, () => step(c.author, CLOSE, closed), "CONFLICT");
    await refusedUnchanged(
      server.db,
      TABLES,
      () => ask(c.member, VOTE, { i: { decisionId: d.id, optionIds: [d.options[0].id] } }),
      "CONFLICT",
    );
    const cancelled = (await step(c.author, CANCEL, closed)).data?.cancelDecision;
    expect(cancelled.state).toBe("CANCELLED");
    await refusedUnchanged(server.db, TABLES, () => step(c.author, CANCEL, cancelled), "CONFLICT");
  });

  it("updates a draft; an open decision moves only its closing time; anonymity is one-way", async () => {
    const c = await buildCast(server);
    const d = await createDecision(server, c.author, { ...base(c.community.id), open: false, anonymous: true });
    await refusedUnchanged(
      server.db,
      TABLES,
      () => ask(c.author, UPDATE, { i: { decisionId: d.id, expectedVersion: d.version, anonymous: false } }),
      "BAD_USER_INPUT",
      "anonymous",
    );
    await refusedUnchanged(
      server.db,
      TABLES,
      () => ask(c.author, UPDATE, { i: { decisionId: d.id, expectedVersion: d.version, options: [{ label: "one" }] } }),
      "BAD_USER_INPUT",
      "options",
    );
    const edited = (
      await ask(c.author, UPDATE, {
        i: {
          decisionId: d.id,
          expectedVersion: d.version,
          title: "Venue",
          options: [{ label: "X" }, { label: "Y" }, { label: "Z" }],
        },
      })
    ).data?.updateDecision;
    expect(edited.options.map((o: { label: string }) => o.label)).toEqual(["X", "Y", "Z"]);
    const opened = (await step(c.author, OPEN, edited)).data?.openDecision;
    const moved = await ask(c.author, UPDATE, {
      i: { decisionId: d.id, expectedVersion: opened.version, closesAt: inHours(100).toISOString() },
    });
    expect(moved.errors).toBeUndefined();
    const [row] = await server.db.select().from(decisions).where(eq(decisions.id, d.id));
    expect(row?.closesAt.toISOString()).toBe(inHours(100).toISOString());
    expect(row?.anonymous).toBe(true);
  });
});
