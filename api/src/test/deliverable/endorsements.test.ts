import { endorsements } from "@pratica/db";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { buildUser } from "../factories.js";
import { useTestServer } from "../fixture.js";
import { buildCast, buildDocument, buildOrganization, type Cast, errorCode, gql, READ } from "./setup.js";

const ENDORSE = `mutation($i: EndorseDeliverableInput!) { endorseDeliverable(input: $i) { id statement organization { id } endorser { id } } }`;
const WITHDRAW = `mutation($i: WithdrawEndorsementInput!) { withdrawEndorsement(input: $i) { id withdrawnAt } }`;

const server = useTestServer();
let cast: Cast;
beforeAll(async () => {
  cast = await buildCast(server);
});

const liveCount = async (deliverableId: string) =>
  (await server.db.select().from(endorsements).where(eq(endorsements.deliverableId, deliverableId))).filter(
    (e) => e.withdrawnAt === null,
  ).length;

describe("endorseDeliverable", () => {
  it("a representative endorses a published document once per organisation; the signatories are public", async () => {
    const doc = await buildDocument(server, cast, "PUBLISHED");
    const representative = await buildUser(server.db);
    const colleague = await buildUser(server.db);
    const org = await buildOrganization(server, representative, colleague);
    const i = { deliverableId: doc.id, organizationId: org.id, statement: "We sign." };
    const res = await gql(server.url, ENDORSE, { i }, { token: representative.token });
    expect(res.data?.endorseDeliverable).toMatchObject({
      statement: "We sign.",
      organization: { id: org.id },
      endorser: { id: representative.id },
    });
    const again = await gql(server.url, ENDORSE, { i }, { token: representative.token });
    expect(errorCode(again)).toBe("CONFLICT");
    expect(await liveCount(doc.id)).toBe(1);
    const read = await gql(server.url, READ, { id: doc.id });
    expect(read.data?.deliverable.endorsements).toEqual([{ organization: { id: org.id }, statement: "We sign." }]);
  });

  it("20 concurrent endorsements of one organisation: exactly one", async () => {
    const doc = await buildDocument(server, cast, "PUBLISHED");
    const representative = await buildUser(server.db);
    const org = await buildOrganization(server, representative);
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        gql(
          server.url,
          ENDORSE,
          { i: { deliverableId: doc.id, organizationId: org.id } },
          { token: representative.token },
        ),
      ),
    );
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(results.filter((r) => r.errors).map(errorCode)).toEqual(Array(19).fill("CONFLICT"));
    expect(await liveCount(doc.id)).toBe(1);
  });

  it("only a representative of that organisation may endorse", async () => {
    const doc = await buildDocument(server, cast, "PUBLISHED");
    const representative = await buildUser(server.db);
    const plainMember = await buildUser(server.db);
    const org = await buildOrganization(server, representative, plainMember);
    const i = { deliverableId: doc.id, organizationId: org.id };
    expect(errorCode(await gql(server.url, ENDORSE, { i }))).toBe("UNAUTHENTICATED");
    expect(errorCode(await gql(server.url, ENDORSE, { i }, { token: plainMember.token }))).toBe("FORBIDDEN");
    expect(errorCode(await gql(server.url, ENDORSE, { i }, { token: cast.editor.token }))).toBe("FORBIDDEN");
    expect(errorCode(await gql(server.url, ENDORSE, { i }, { token: cast.admin.token }))).toBe("FORBIDDEN");
    const unknown = { deliverableId: doc.id, organizationId: "00000000-0000-4000-8000-000000000000" };
    expect(errorCode(await gql(server.url, ENDORSE, { i: unknown }, { token: representative.token }))).toBe(
      "NOT_FOUND",
    );
    const long = { ...i, statement: "x".repeat(2001) };
    expect(errorCode(await gql(server.url, ENDORSE, { i: long }, { token: representative.token }))).toBe(
      "BAD_USER_INPUT",
    );
    expect(await liveCount(doc.id)).toBe(0);
  });

  it.each(["DRAFT", "REVIEW", "APPROVED", "ARCHIVED"] as const)(
    "a %s document cannot be endorsed: CONFLICT",
    async (status) => {
      const doc = await buildDocument(server, cast, status);
      const org = await buildOrganization(server, cast.member);
      const res = await gql(
        server.url,
        ENDORSE,
        { i: { deliverableId: doc.id, organizationId: org.id } },
        { token: cast.member.token },
      );
      expect(errorCode(res)).toBe("CONFLICT");
    },
  );

  it("the same organisation withdraws its endorsement, and may sign again", async () => {
    const doc = await buildDocument(server, cast, "PUBLISHED");
    const representative = await buildUser(server.db);
    const other = await buildUser(server.db);
    const org = await buildOrganization(server, representative);
    await buildOrganization(server, other);
    const i = { deliverableId: doc.id, organizationId: org.id };
    await gql(server.url, ENDORSE, { i }, { token: representative.token });
    expect(errorCode(await gql(server.url, WITHDRAW, { i }, { token: other.token }))).toBe("FORBIDDEN");
    const res = await gql(server.url, WITHDRAW, { i }, { token: representative.token });
    expect(res.data?.withdrawEndorsement.withdrawnAt).toBeTruthy();
    expect(errorCode(await gql(server.url, WITHDRAW, { i }, { token: representative.token }))).toBe("NOT_FOUND");
    expect(await liveCount(doc.id)).toBe(0);
    expect((await gql(server.url, ENDORSE, { i }, { token: representative.token })).errors).toBeUndefined();
    expect(await liveCount(doc.id)).toBe(1);
  });
});
