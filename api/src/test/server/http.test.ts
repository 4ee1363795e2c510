import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { printedSchema, schemaFile } from "../../print-schema.js";
import { useTestServer } from "../fixture.js";

const server = useTestServer();

describe("http", () => {
  it("GET /healthz answers 200 when the database is reachable", async () => {
    const res = await fetch(server.url.replace("/graphql", "/healthz"));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok" });
  });
});

type Refusal = [name: string, init: RequestInit & { search?: string }, status: number, reason: string];
const json = { "content-type": "application/json" };
const preflight = { "apollo-require-preflight": "1" };
const viewer = JSON.stringify({ query: "{ viewer { id } }" });

describe("/graphql refusals before any operation runs carry a documented code", () => {
  it.each<Refusal>([
    [
      "a body over the size limit",
      { method: "POST", headers: json, body: JSON.stringify({ query: "{ viewer { id } }", pad: "x".repeat(200_000) }) },
      413,
      "BODY_TOO_LARGE",
    ],
    ["a body that is not JSON", { method: "POST", headers: json, body: "{ query: nope" }, 400, "INVALID_JSON"],
    [
      "JSON in a charset other than UTF",
      { method: "POST", headers: { "content-type": "application/json; charset=latin1" }, body: viewer },
      415,
      "UNSUPPORTED_CHARSET",
    ],
    [
      "a body in an unsupported encoding",
      { method: "POST", headers: { ...json, "content-encoding": "compress" }, body: viewer },
      415,
      "UNSUPPORTED_ENCODING",
    ],
    // The rest are Apollo's own refusals, through the error formatter.
    [
      "a content type other than JSON",
      { method: "POST", headers: { "content-type": "application/xml", ...preflight }, body: "<query/>" },
      400,
      "BAD_REQUEST",
    ],
    // A Uint8Array body gets no content-type from fetch.
    ["a POST without content-type", { method: "POST", body: new TextEncoder().encode(viewer) }, 400, "BAD_REQUEST"],
    [
      "a CSRF-able simple request",
      { method: "POST", headers: { "content-type": "text/plain" }, body: viewer },
      400,
      "BAD_REQUEST",
    ],
    [
      "a POST without a query",
      { method: "POST", headers: json, body: JSON.stringify({ variables: {} }) },
      400,
      "BAD_REQUEST",
    ],
    ["an empty POST body", { method: "POST", headers: json, body: "{}" }, 400, "BAD_REQUEST"],
    ["a GET without a query", { method: "GET", headers: preflight }, 400, "BAD_REQUEST"],
    [
      "a GET with a mutation",
      { method: "GET", headers: preflight, search: `?query=${encodeURIComponent("mutation { logout }")}` },
      405,
      "BAD_REQUEST",
    ],
    ["a PUT", { method: "PUT", headers: json, body: viewer }, 405, "BAD_REQUEST"],
  ])(
    "%s: BAD_USER_INPUT with a reason, keeping the HTTP status",
    async (_name, { search = "", ...init }, status, reason) => {
      const res = await fetch(`${server.url}${search}`, init);
      expect(res.status).toBe(status);
      const body = (await res.json()) as { errors: { message: string; extensions: Record<string, unknown> }[] };
      expect(body.errors).toHaveLength(1);
      expect(body.errors[0]?.extensions).toEqual({ code: "BAD_USER_INPUT", reason });
      expect(body.errors[0]?.message).toBeTruthy();
    },
  );
});

describe("api/schema.graphql", () => {
  it("is up to date with the code (run `pnpm --filter @pratica/api print-schema`)", async () => {
    expect(await readFile(schemaFile, "utf8")).toBe(await printedSchema());
  });
});
