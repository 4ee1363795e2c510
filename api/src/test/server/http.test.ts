import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { printedSchema, schemaFile } from "../../print-schema.js";
import { startTestServer, type TestServer } from "../server.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.stop());

describe("http", () => {
  it("GET /healthz answers 200 when the database is reachable", async () => {
    const res = await fetch(server.url.replace("/graphql", "/healthz"));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok" });
  });
});

describe("api/schema.graphql", () => {
  it("is up to date with the code (run `pnpm --filter @pratica/api print-schema`)", async () => {
    expect(await readFile(schemaFile, "utf8")).toBe(await printedSchema());
  });
});
