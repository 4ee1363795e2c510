import { FUNDING_IMPORT_MAX_BYTES } from "@pratica/rules";
import { beforeAll, describe, expect, it } from "vitest";
import { buildUser, type TestUser } from "../factories.js";
import { useTestServer } from "../fixture.js";
import { FIXTURE_CSV, FIXTURE_JSON, fixture, hooks, snapshot } from "./support.js";

const server = useTestServer({}, undefined, hooks);
let admin: TestUser;
let member: TestUser;
beforeAll(async () => {
  admin = await buildUser(server.db, { role: "ADMIN" });
  member = await buildUser(server.db);
});

const upload = (
  user: TestUser | undefined,
  body: string,
  { format = "json", type, headers = {} }: { format?: string; type?: string; headers?: Record<string, string> } = {},
) =>
  fetch(new URL(`/admin/funding-calls/import?format=${format}&fileName=calls.${format}`, server.url), {
    method: "POST",
    headers: {
      "content-type": type ?? (format === "csv" ? "text/csv" : "application/json"),
      ...(user ? { cookie: `pratica_session=${user.token}` } : {}),
      ...headers,
    },
    body,
  });

// biome-ignore lint/suspicious/noExplicitAny: tests read the JSON shapes they just asked for
const json = async (res: Response): Promise<Record<string, any>> => (await res.json()) as Record<string, any>;

// The route writes source EU_FT (the portal's): the snapshot of that source tells what it wrote.
const written = () => snapshot(server.db, "EU_FT");

describe("POST /admin/funding-calls/import", () => {
  it("refuses anonymous (401) and non-admins (403), writing nothing", async () => {
    const before = await written();
    const anonymous = await upload(undefined, FIXTURE_JSON);
    expect(anonymous.status).toBe(401);
    expect((await json(anonymous)).error.code).toBe("UNAUTHENTICATED");
    const plain = await upload(member, FIXTURE_JSON);
    expect(plain.status).toBe(403);
    expect((await json(plain)).error.code).toBe("FORBIDDEN");
    expect(await written()).toEqual(before);
  });

  it("refuses a file over the limit with 413 before reading it, writing nothing", async () => {
    const before = await written();
    const res = await upload(admin, " ".repeat(FUNDING_IMPORT_MAX_BYTES + 1));
    expect(res.status).toBe(413);
    expect((await json(res)).error.code).toBe("PAYLOAD_TOO_LARGE");
    expect(await written()).toEqual(before);
  });

  it("refuses a streamed file (no Content-Length) once it passes the limit, writing nothing", async () => {
    const before = await written();
    const chunk = new TextEncoder().encode(" ".repeat(1024 * 1024));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent > FUNDING_IMPORT_MAX_BYTES) return controller.close();
        sent += chunk.byteLength;
        controller.enqueue(chunk);
      },
    });
    const res = await fetch(new URL("/admin/funding-calls/import?format=json&fileName=big.json", server.url), {
      method: "POST",
      headers: { "content-type": "application/json", cookie: `pratica_session=${admin.token}` },
      body: stream,
      duplex: "half",
    } as RequestInit);
    expect(res.status).toBe(413);
    expect((await json(res)).error.code).toBe("PAYLOAD_TOO_LARGE");
    expect(await written()).toEqual(before);
  });

  it("answers 400 with the problems for an unreadable file, writing nothing", async () => {
    const before = await written();
    const res = await upload(admin, "{ this is not json");
    expect(res.status).toBe(400);
    const body = await json(res);
    expect(body.error.problems[0]).toMatchObject({ severity: "FATAL", fatal: true, row: 0 });
    expect(await written()).toEqual(before);
  });

  it("refuses a foreign Origin, a wrong Content-Type or format", async () => {
    const before = await written();
    expect((await upload(admin, FIXTURE_JSON, { headers: { origin: "https://evil.example" } })).status).toBe(403);
    expect((await upload(admin, FIXTURE_JSON, { type: "text/plain" })).status).toBe(415);
    expect((await upload(admin, FIXTURE_JSON, { format: "xml" })).status).toBe(400);
    expect(await written()).toEqual(before);
  });

  it("imports an admin's upload (200 with the report), then its CSV twin as unchanged", async () => {
    const res = await upload(admin, FIXTURE_JSON, { headers: { origin: new URL(server.url).origin } });
    expect(res.status).toBe(200);
    const { import: report } = await json(res);
    expect(report).toMatchObject({ created: fixture().results.length, updated: 0, rejected: 0 });
    expect(report.problems).toHaveLength(3);
    const csv = await upload(admin, FIXTURE_CSV, { format: "csv" });
    expect(csv.status).toBe(200);
    expect((await json(csv)).import).toMatchObject({ created: 0, unchanged: 10 });
    const HISTORY = `{ fundingCallImports(first: 2) { edges { node { fileName format actor { id } } } } }`;
    const history = await fetch(server.url, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${admin.token}` },
      body: JSON.stringify({ query: HISTORY }),
    });
    expect((await json(history)).data.fundingCallImports.edges.map((e: { node: unknown }) => e.node)).toEqual([
      { fileName: "calls.csv", format: "csv", actor: { id: admin.id } },
      { fileName: "calls.json", format: "json", actor: { id: admin.id } },
    ]);
  });
});
