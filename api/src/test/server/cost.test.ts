import { parse } from "graphql";
import * as complexity from "graphql-query-complexity";
import { describe, expect, it, vi } from "vitest";
import { createSchema } from "../../schema.js";
import { costVariables, createCostOf } from "../../server/cost.js";
import { errorCode, gql } from "../client.js";
import { useTestServer } from "../fixture.js";

vi.mock("graphql-query-complexity", { spy: true });

const PAGE = `query Page($id: ID!, $first: Int, $withBody: Boolean!) {
  thread(id: $id) { id body @include(if: $withBody) posts(first: $first) { edges { node { id } } } }
}`;

describe("query cost, remembered per document and cost-relevant variables", () => {
  it("depends on `first` and directive variables, not on ids", async () => {
    const schema = await createSchema();
    expect(costVariables(schema, parse(PAGE))).toEqual(["first", "withBody"]);
  });

  it("computes a cost once per distinct page size, whatever the thread", async () => {
    const schema = await createSchema();
    const costOf = createCostOf(schema);
    const document = parse(PAGE);
    const ask = (variables: Record<string, unknown>) =>
      costOf({ documentKey: "page", document, operationName: "Page", variables });
    const calls = vi.mocked(complexity.getComplexity);
    calls.mockClear();

    const small = ask({ id: "a", first: 2, withBody: true });
    expect(ask({ id: "b", first: 2, withBody: true })).toBe(small);
    expect(calls).toHaveBeenCalledTimes(1);
    const large = ask({ id: "a", first: 50, withBody: true });
    expect(large).toBeGreaterThan(small);
    expect(ask({ id: "a", first: 2, withBody: false })).toBe(small - 1);
    expect(calls).toHaveBeenCalledTimes(3);
  });
});

describe("cost limit over HTTP", () => {
  const server = useTestServer();

  it("gives each page size its own verdict, in any order", async () => {
    const q = `query($n: Int) { communities { a: members(first: $n) { edges { node { id role status user { id displayName bio email } } } } b: pendingMembers(first: $n) { edges { node { id role status user { id displayName bio email } } } } c: members(first: $n) { edges { node { id role status user { id } } } } } }`;
    expect(errorCode(await gql(server.url, q, { n: 2 }))).not.toBe("QUERY_TOO_COMPLEX");
    expect(errorCode(await gql(server.url, q, { n: 100 }))).toBe("QUERY_TOO_COMPLEX");
    expect(errorCode(await gql(server.url, q, { n: 2 }))).not.toBe("QUERY_TOO_COMPLEX");
    expect(errorCode(await gql(server.url, q, { n: 100 }))).toBe("QUERY_TOO_COMPLEX");
  });
});
