import { communities, partnerInterests, partnerSearches, seed } from "@pratica/db";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { gql } from "../client.js";
import { useTestServer } from "../fixture.js";
import { buildCall } from "./support.js";

const server = useTestServer();

describe("the demo seed's partner searches", () => {
  it("with open calls: two searches, one interest and its space, the demo accounts inside; a second run adds nothing", async () => {
    await seed(server.db, { demo: true });
    expect(await server.db.select().from(partnerSearches)).toEqual([]);
    await buildCall(server.db);
    await buildCall(server.db);
    await seed(server.db, { demo: true });
    const searches = await server.db.select().from(partnerSearches);
    expect(searches.map((s) => s.kind).sort()).toEqual(["OFFERING", "SEEKING"]);
    expect(await server.db.select().from(partnerInterests)).toHaveLength(1);
    const spaces = await server.db.select().from(communities).where(eq(communities.kind, "CONSORTIUM"));
    expect(spaces).toHaveLength(1);
    await seed(server.db, { demo: true });
    expect(await server.db.select().from(partnerSearches)).toHaveLength(2);
    expect(await server.db.select().from(communities).where(eq(communities.kind, "CONSORTIUM"))).toHaveLength(1);

    const login = await gql(
      server.url,
      `mutation { login(input: { email: "rep.accountants@pratica.local", password: "pratica-demo" }) { token } }`,
    );
    const token = login.data?.login.token;
    const offering = searches.find((s) => s.kind === "OFFERING");
    const read = await gql(
      server.url,
      `query($id: ID!) { partnerSearch(id: $id) { viewerInterest { status } space { thread { id } proposal { id } } } }`,
      { id: offering?.id },
      { token },
    );
    expect(read.errors).toBeUndefined();
    expect(read.data?.partnerSearch.viewerInterest).toEqual({ status: "PENDING" });
    expect(read.data?.partnerSearch.space).not.toBeNull();
  });
});
