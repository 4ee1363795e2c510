import { createHash } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gql } from "../client.js";
import { buildCast, type Cast, CREATE } from "../deliverable/setup.js";
import { useTestServer } from "../fixture.js";
import { PRODUCTION } from "../server.js";

/** The Content-Security-Policy header as directive → sources. */
function policyOf(res: Response): Map<string, string[]> {
  const header = res.headers.get("content-security-policy") ?? "";
  return new Map(
    header
      .split(";")
      .map((part) => part.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...sources]) => [name as string, sources]),
  );
}

/** What every response carries, whatever answered it. */
function expectCommonHeaders(res: Response) {
  expect(res.headers.get("x-content-type-options")).toBe("nosniff");
  expect(res.headers.get("referrer-policy")).toBe("no-referrer");
  expect(res.headers.get("x-frame-options")).toBe("DENY");
  const policy = policyOf(res);
  expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
  expect(policy.get("base-uri")).toEqual(["'none'"]);
  expect(res.headers.get("content-security-policy")).not.toMatch(/unsafe-(inline|eval|hashes)/);
}

/** The web app's policy: its own scripts, styles and images only, no plugins, no forms elsewhere. */
function expectAppPolicy(res: Response) {
  expectCommonHeaders(res);
  const policy = policyOf(res);
  expect(policy.get("default-src")).toEqual(["'self'"]);
  expect(policy.get("script-src")).toEqual(["'self'"]);
  expect(policy.get("script-src-attr")).toEqual(["'none'"]);
  expect(policy.get("style-src")).toEqual(["'self'"]);
  expect(policy.get("img-src")).toEqual(["'self'", "data:"]);
  expect(policy.get("connect-src")?.[0]).toBe("'self'");
  expect(policy.get("object-src")).toEqual(["'none'"]);
  expect(policy.get("form-action")).toEqual(["'self'"]);
}

const BODY_WITH_EXTRAS = [
  "Read ![the tracker](https://tracker.example/pixel.png) closely.",
  "",
  "| item | amount |",
  "| :-- | --: |",
  "| books | 12 |",
].join("\n");

// A stand-in for web/dist, so these tests do not depend on a web build.
let webDist: string;
beforeAll(async () => {
  webDist = await mkdtemp(join(tmpdir(), "pratica-web-"));
  await writeFile(join(webDist, "index.html"), '<!doctype html><script type="module" src="/assets/app.js"></script>');
});
afterAll(() => rm(webDist, { recursive: true, force: true }));

describe("security headers outside production", () => {
  const server = useTestServer(() => ({ WEB_DIST_DIR: webDist }));
  let base: string;
  let cast: Cast;
  let deliverableId: string;
  beforeAll(async () => {
    base = server.url.replace(/\/graphql$/, "");
    cast = await buildCast(server);
    const created = await gql(
      server.url,
      CREATE,
      {
        i: {
          communityId: cast.community.id,
          title: "Budget",
          sections: [{ heading: "Figures", body: BODY_WITH_EXTRAS }],
        },
      },
      { token: cast.editor.token },
    );
    expect(created.errors).toBeUndefined();
    deliverableId = created.data?.createDeliverable.id;
  });

  const auth = () => ({ headers: { authorization: `Bearer ${cast.editor.token}` } });

  it("on the web app", async () => {
    for (const path of ["/", "/communities/somewhere"]) {
      const res = await fetch(`${base}${path}`);
      expect(res.status).toBe(200);
      expectAppPolicy(res);
    }
  });

  it("on /healthz", async () => {
    const res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(200);
    expectAppPolicy(res);
    expect(res.headers.get("strict-transport-security")).toBeNull();
  });

  it("on /graphql answers: POST, GET, and a body refused before Apollo", async () => {
    const post = await fetch(server.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "{ viewer { id } }" }),
    });
    expect(post.status).toBe(200);
    expectAppPolicy(post);

    const get = await fetch(`${server.url}?query=${encodeURIComponent("{ viewer { id } }")}`, {
      headers: { "apollo-require-preflight": "1" },
    });
    expect(get.status).toBe(200);
    expectAppPolicy(get);

    const tooLarge = await fetch(server.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "{ viewer { id } }", pad: "x".repeat(200_000) }),
    });
    expect(tooLarge.status).toBe(413);
    expectAppPolicy(tooLarge);

    const notJson = await fetch(server.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{",
    });
    expect(notJson.status).toBe(400);
    expectAppPolicy(notJson);
    expect(post.headers.get("strict-transport-security")).toBeNull();
  });

  it("on the Markdown export, and on its refusals", async () => {
    const file = await fetch(`${base}/deliverables/${deliverableId}/export.md`, auth());
    expect(file.status).toBe(200);
    expectAppPolicy(file);
    const anonymous = await fetch(`${base}/deliverables/${deliverableId}/export.md`);
    expect(anonymous.ok).toBe(false);
    expectAppPolicy(anonymous);
  });

  it("the print page runs no script, loads no remote image, and allows exactly its own stylesheet", async () => {
    const res = await fetch(`${base}/deliverables/${deliverableId}/print`, auth());
    expect(res.status).toBe(200);
    const html = await res.text();
    expectCommonHeaders(res);
    const policy = policyOf(res);
    // No script-src: scripts, inline or not, fall back to default-src 'none'.
    expect(policy.get("default-src")).toEqual(["'none'"]);
    expect(policy.has("script-src")).toBe(false);
    expect(policy.get("img-src")).toEqual(["'self'", "data:"]);
    expect(policy.get("form-action")).toEqual(["'none'"]);

    // The remote image stays in the Markdown's HTML; the policy is what keeps it from loading.
    expect(html).toContain('src="https://tracker.example/pixel.png"');
    // Its one <style> element, by hash; no style attributes (table alignment comes as classes).
    const stylesheets = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1] as string);
    expect(stylesheets).toHaveLength(1);
    const hash = createHash("sha256")
      .update(stylesheets[0] as string)
      .digest("base64");
    expect(policy.get("style-src")).toEqual([`'sha256-${hash}'`]);
    expect(html).not.toMatch(/\sstyle=/);
    expect(html).toContain('<td class="align-right">12</td>');
  });
});

describe("security headers in production", () => {
  const prod = useTestServer(() => ({
    ...PRODUCTION,
    PUBLIC_ORIGIN: "https://pratica.example",
    WEB_DIST_DIR: webDist,
  }));
  let base: string;
  beforeAll(async () => {
    base = prod.url.replace(/\/graphql$/, "");
  });

  it("adds HSTS, on the web app, /healthz and /graphql", async () => {
    const responses = [
      await fetch(`${base}/`),
      await fetch(`${base}/healthz`),
      await fetch(prod.url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: "{ viewer { id } }" }),
      }),
    ];
    for (const res of responses) {
      expectAppPolicy(res);
      expect(res.headers.get("strict-transport-security")).toBe("max-age=31536000; includeSubDomains");
    }
  });

  it("names the public origin's WebSocket address for browsers where 'self' does not cover it", async () => {
    const res = await fetch(`${base}/healthz`);
    expect(policyOf(res).get("connect-src")).toEqual(["'self'", "wss://pratica.example"]);
  });
});
