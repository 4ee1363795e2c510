import { moderationCases, threads } from "@pratica/db";
import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { gql } from "../client.js";
import { buildThread, TEST_PASSWORD } from "../factories.js";
import { useTestServer } from "../fixture.js";
import { buildCast, DECIDE, REPORT } from "./support.js";

const DELETE = `mutation($i: DeleteAccountInput!) { deleteAccount(input: $i) }`;
const server = useTestServer();

it("erasing an account keeps the text of what a case still weighs (hidden, appealable), erases the rest", async () => {
  const cast = await buildCast(server.db);
  const hidden = await buildThread(server.db, cast.community, cast.author, { body: "Evidence" });
  const plain = await buildThread(server.db, cast.community, cast.author, { body: "Just words" });
  const reported = await gql(
    server.url,
    REPORT,
    { i: { threadId: hidden.id, reason: "OFFENSIVE" } },
    { token: cast.reporter.token },
  );
  expect(reported.errors).toBeUndefined();
  const [moderated] = await server.db.select().from(moderationCases).where(eq(moderationCases.targetId, hidden.id));
  const caseId = moderated?.id;
  const decided = await gql(
    server.url,
    DECIDE,
    { i: { caseId, action: "HIDE", reason: "r", message: "m", expectedState: "OPEN" } },
    { token: cast.facilitator.token },
  );
  expect(decided.errors).toBeUndefined();
  const erased = await gql(
    server.url,
    DELETE,
    { i: { password: TEST_PASSWORD, eraseContent: true } },
    { token: cast.author.token },
  );
  expect(erased.errors).toBeUndefined();
  const body = async (id: string) => (await server.db.select().from(threads).where(eq(threads.id, id)))[0]?.body;
  expect(await body(hidden.id)).toBe("Evidence");
  expect(await body(plain.id)).toBe("");
});
