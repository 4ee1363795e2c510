import { describe, expect, it } from "vitest";
import { gql } from "../client.js";
import { addMember, buildCommunity, buildThread, buildUser } from "../factories.js";
import { useTestServer } from "../fixture.js";

const server = useTestServer();

describe("a user's email", () => {
  it("is shown to the user and to admins only, wherever the user appears", async () => {
    const community = await buildCommunity(server.db);
    const [author, reader] = [await buildUser(server.db), await buildUser(server.db)];
    const admin = await buildUser(server.db, { role: "ADMIN" });
    await addMember(server.db, community, author);
    const thread = await buildThread(server.db, community, author);
    const QUERY = `query($id: ID!) { thread(id: $id) { author { id displayName email } } }`;
    const emailFor = async (token?: string) =>
      (await gql(server.url, QUERY, { id: thread.id }, { token })).data?.thread.author.email;
    expect(await emailFor()).toBeNull();
    expect(await emailFor(reader.token)).toBeNull();
    expect(await emailFor(author.token)).toBe(author.email);
    expect(await emailFor(admin.token)).toBe(author.email);
  });
});
