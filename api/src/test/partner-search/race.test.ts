import { communities, partnerInterests, partnerSearches } from "@pratica/db";
import { eq, like } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { errorCode } from "../client.js";
import { buildUser } from "../factories.js";
import { useTestServer } from "../fixture.js";
import { buildCast, buildOrg, buildSearch, DECIDE, EXPRESS, link, PUBLISH, publishInput, request } from "./support.js";

// Races need real locks: PostgreSQL only.
const onPostgres = it.runIf(process.env.TEST_DB === "postgres");
const server = useTestServer();
const send = request(() => server.url);

describe("races on a partner search", () => {
  onPostgres("two representatives publish the same search at once: one wins, the other is CONFLICT", async () => {
    const c = await buildCast(server.db);
    const answers = await Promise.all([
      send(c.lead, PUBLISH, { i: publishInput(c) }),
      send(c.lead2, PUBLISH, { i: publishInput(c) }),
    ]);
    expect(answers.filter((a) => !a.errors)).toHaveLength(1);
    expect(answers.map(errorCode).filter(Boolean)).toEqual(["CONFLICT"]);
    const rows = await server.db.select().from(partnerSearches).where(eq(partnerSearches.callId, c.call.id));
    expect(rows).toHaveLength(1);
  });

  onPostgres("two deciders at once: one wins, the other reads the version the first left (CONFLICT)", async () => {
    const c = await buildCast(server.db);
    const s = await buildSearch(server.db, c);
    const interest = (
      await send(c.rep, EXPRESS, { i: { searchId: s.id, organizationId: c.partner.id, role: "PARTNER" } })
    ).data?.expressInterest;
    const answers = await Promise.all([
      send(c.lead, DECIDE, { i: { id: interest.id, version: 1, decision: "CONFIRM" } }),
      send(c.lead2, DECIDE, { i: { id: interest.id, version: 1, decision: "DECLINE" } }),
    ]);
    expect(answers.filter((a) => !a.errors)).toHaveLength(1);
    expect(answers.map(errorCode).filter(Boolean)).toEqual(["CONFLICT"]);
    const [row] = await server.db.select().from(partnerInterests).where(eq(partnerInterests.id, interest.id));
    expect(row?.version).toBe(2);
  });

  onPostgres("ten organisations express interest at once: one space, ten members", async () => {
    const c = await buildCast(server.db);
    const s = await buildSearch(server.db, c);
    const people = await Promise.all(
      Array.from({ length: 10 }, async () => {
        const [org, user] = await Promise.all([buildOrg(server.db), buildUser(server.db)]);
        await link(server.db, org, user, "REPRESENTATIVE");
        return { org, user };
      }),
    );
    const answers = await Promise.all(
      people.map((p) => send(p.user, EXPRESS, { i: { searchId: s.id, organizationId: p.org.id, role: "PARTNER" } })),
    );
    expect(answers.filter((a) => a.errors)).toEqual([]);
    const spaces = await server.db
      .select()
      .from(communities)
      .where(like(communities.slug, `consortium-${s.id}%`));
    expect(spaces).toHaveLength(1);
    const members = await send(c.lead, `query($s: String!) { community(slug: $s) { memberCount } }`, {
      s: `consortium-${s.id}`,
    });
    expect(members.data?.community.memberCount).toBe(12);
  });
});
