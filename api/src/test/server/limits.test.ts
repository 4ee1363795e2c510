import { describe, expect, it } from "vitest";
import { LIMITS } from "../../server/limits.js";
import { errorCode, gql } from "../client.js";
import { useTestServer } from "../fixture.js";
import { PRODUCTION } from "../server.js";

const server = useTestServer();

const post = (body: string, headers: Record<string, string> = { "content-type": "application/json" }) =>
  fetch(server.url, { method: "POST", headers, body });

describe("abuse limits", () => {
  it(`refuses a query deeper than ${LIMITS.depth} with QUERY_TOO_COMPLEX, before running it`, async () => {
    // viewer → communities → community → members → edges → node → user → communities → community → members → edges → node → id
    const deep = `{ viewer { communities { community { members { edges { node { user { communities { community { members { edges { node { id } } } } } } } } } } } } }`;
    const res = await gql(server.url, deep);
    expect(errorCode(res)).toBe("QUERY_TOO_COMPLEX");
    expect(res.errors?.[0]?.message).toMatch(/depth/i);
    expect(res.data).toBeUndefined();
  });

  it(`refuses a query costing more than ${LIMITS.cost} with QUERY_TOO_COMPLEX`, async () => {
    const page = (alias: string) =>
      `${alias}: members(first: 100) { edges { cursor node { id role status createdAt user { id displayName bio } } } }`;
    const costly = `{ communities { ${["a", "b", "c"].map(page).join(" ")} } }`;
    const res = await gql(server.url, costly);
    expect(errorCode(res)).toBe("QUERY_TOO_COMPLEX");
    expect(res.errors?.[0]?.message).toMatch(/cost/i);
  });

  it("counts `first` from variables in the cost", async () => {
    const q = `query($n: Int) { communities { a: members(first: $n) { edges { node { id role status user { id displayName bio email } } } } b: pendingMembers(first: $n) { edges { node { id role status user { id displayName bio email } } } } c: members(first: $n) { edges { node { id role status user { id } } } } } }`;
    expect(errorCode(await gql(server.url, q, { n: 100 }))).toBe("QUERY_TOO_COMPLEX");
    expect(errorCode(await gql(server.url, q, { n: 2 }))).not.toBe("QUERY_TOO_COMPLEX");
  });

  it(`refuses more than ${LIMITS.aliases} aliases`, async () => {
    const aliases = Array.from({ length: LIMITS.aliases + 1 }, (_, i) => `a${i}: viewer { id }`).join(" ");
    expect(errorCode(await gql(server.url, `{ ${aliases} }`))).toBe("QUERY_TOO_COMPLEX");
  });

  it("refuses batched HTTP requests", async () => {
    const res = await post(JSON.stringify([{ query: "{ viewer { id } }" }, { query: "{ viewer { id } }" }]));
    expect(res.status).toBe(400);
  });

  it("refuses a body over the size limit with 413", async () => {
    const res = await post(JSON.stringify({ query: `{ viewer { id } }`, variables: { pad: "x".repeat(200_000) } }));
    expect(res.status).toBe(413);
  });

  it("refuses a CSRF-able simple request (text/plain, no preflight header)", async () => {
    const res = await post(JSON.stringify({ query: "{ viewer { id } }" }), { "content-type": "text/plain" });
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/CSRF|preflight/i);
  });

  it("answers an unknown field with BAD_USER_INPUT, never INTERNAL_SERVER_ERROR", async () => {
    const res = await gql(server.url, `{ viewer { nope } }`);
    expect(errorCode(res)).toBe("BAD_USER_INPUT");
  });

  it("answers a syntax error with BAD_USER_INPUT", async () => {
    expect(errorCode(await gql(server.url, `{ viewer { `))).toBe("BAD_USER_INPUT");
  });

  it("allows introspection outside production", async () => {
    const res = await gql(server.url, `{ __schema { queryType { name } } }`);
    expect(res.data?.__schema.queryType.name).toBe("Query");
  });
});

describe("in production", () => {
  const prod = useTestServer(PRODUCTION);

  it("refuses introspection", async () => {
    const res = await gql(prod.url, `{ __schema { queryType { name } } }`);
    expect(errorCode(res)).toBe("BAD_USER_INPUT");
    expect(res.data).toBeUndefined();
  });

  it("gives no schema hints in errors", async () => {
    const res = await gql(prod.url, `{ viewr { id } }`);
    expect(res.errors?.[0]?.message).not.toMatch(/did you mean/i);
  });
});
