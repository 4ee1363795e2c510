import { buyerRequestTransitions, supplierAnswers } from "@pratica/db";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { errorCode } from "../client.js";
import { useTestServer } from "../fixture.js";
import { AWARD, buildAnswer, buildCast, buildRequest, type Cast, CLOSE, hooks, request } from "./support.js";

// Races need real locks: PostgreSQL only.
const onPostgres = it.runIf(process.env.TEST_DB === "postgres");
const server = useTestServer({}, undefined, hooks);
const send = request(() => server.url);
let cast: Cast;
beforeAll(async () => {
  cast = await buildCast(server.db);
});

describe("two decisions at once on one request", () => {
  onPostgres("award and close with the same version: one wins, the other is CONFLICT with the new state", async () => {
    const r = await buildRequest(server.db, cast);
    const a = await buildAnswer(server.db, r, cast.supplierOrg, cast.supplier);
    const [award, close] = await Promise.all([
      send(cast.buyer, AWARD, { i: { id: r.id, version: 1, answerId: a.id, amount: 10 } }),
      send(cast.buyer, CLOSE, { i: { id: r.id, version: 1, outcomeNote: "Nothing fit" } }),
    ]);
    const won = [award, close].filter((x) => !x.errors);
    const lost = [award, close].filter((x) => x.errors);
    expect(won).toHaveLength(1);
    expect(errorCode(lost[0] ?? {})).toBe("CONFLICT");
    expect(lost[0]?.errors?.[0]?.extensions?.current).toMatchObject({ version: 2 });
    const steps = await server.db
      .select()
      .from(buyerRequestTransitions)
      .where(eq(buyerRequestTransitions.requestId, r.id));
    expect(steps).toHaveLength(1);
    const [answer] = await server.db.select().from(supplierAnswers).where(eq(supplierAnswers.id, a.id));
    expect(answer?.version).toBe(2);
  });

  onPostgres("two representatives of one supplier answering at once: one answer, the other CONFLICT", async () => {
    const r = await buildRequest(server.db, cast);
    const i = { requestId: r.id, organizationId: cast.supplierOrg.id, body: "Us" };
    const Q = `mutation($i: AnswerBuyerRequestInput!) { answerBuyerRequest(input: $i) { id } }`;
    const results = await Promise.all([send(cast.supplier, Q, { i }), send(cast.supplier, Q, { i })]);
    expect(results.filter((x) => !x.errors)).toHaveLength(1);
    expect(results.map(errorCode).filter(Boolean)).toEqual(["CONFLICT"]);
    expect(await server.db.select().from(supplierAnswers).where(eq(supplierAnswers.requestId, r.id))).toHaveLength(1);
  });
});
