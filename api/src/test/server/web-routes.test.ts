import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_WEB_DIST } from "../../server/http.js";
import { APP_ROUTES_FILE, pageMatcher } from "../../server/web-routes.js";
import { useTestServer } from "../fixture.js";

const WEB_APP_SRC = fileURLToPath(new URL("../../../../web/src/app/", import.meta.url));

/** The web's one list (route-patterns.ts), loaded at run time: the api's own build never includes web sources. */
async function listedPatterns(): Promise<readonly string[]> {
  const url = pathToFileURL(join(WEB_APP_SRC, "route-patterns.ts")).href;
  return ((await import(url)) as { appRoutePatterns: readonly string[] }).appRoutePatterns;
}

/**
 * The paths router.tsx spells out: `index: true` is "/", `path: "t/:id"` is "/t/:id", the
 * catch-all "*" is the not-found page. Flat children of pathless layouts only: a route nested
 * under a parent's path would come out wrong here and fail the comparison below, loudly.
 */
function routerPaths(source: string): string[] {
  const paths = [...source.matchAll(/\bpath:\s*["'`]([^"'`]*)["'`]/g)]
    .map((match) => match[1] ?? "")
    .filter((path) => path !== "*")
    .map((path) => (path.startsWith("/") ? path : `/${path}`));
  if (/\bindex:\s*true\b/.test(source)) paths.push("/");
  return paths;
}

const sorted = (paths: Iterable<string>) => [...new Set(paths)].sort();

/** A concrete path for a pattern, naming objects that do not exist. */
const concrete = (pattern: string) => pattern.replace(/:[\w-]+/g, () => randomUUID());

describe("the server knows the web app's pages", () => {
  it("router.tsx declares the pages of route-patterns.ts, no more and no fewer", async () => {
    const router = await readFile(join(WEB_APP_SRC, "router.tsx"), "utf8");
    const listed = await listedPatterns();
    const declared = routerPaths(router);
    for (const path of declared) {
      expect(listed, `router.tsx has ${path}: add it to web/src/app/route-patterns.ts`).toContain(path);
    }
    // Once the router takes its paths from the list, the list cannot hold a page the router lacks.
    if (!router.includes("route-patterns")) expect(sorted(listed)).toEqual(sorted(declared));
  });

  it("the built web app carries that list (else run `pnpm build`)", async () => {
    const built = JSON.parse(await readFile(join(DEFAULT_WEB_DIST, APP_ROUTES_FILE), "utf8"));
    expect(built).toEqual(await listedPatterns());
  });

  it("refuses route syntax it would not match as the router does", () => {
    expect(() => pageMatcher(["/files/*"])).toThrow(/only static segments and :param/);
    expect(() => pageMatcher(["/c/:slug?"])).toThrow(/only static segments and :param/);
  });
});

describe("the built web app over HTTP", () => {
  const server = useTestServer();
  let base: string;
  let index: string;
  beforeAll(async () => {
    const indexFile = join(DEFAULT_WEB_DIST, "index.html");
    if (!existsSync(indexFile)) throw new Error("these tests serve the built web app: run `pnpm build` first");
    index = await readFile(indexFile, "utf8");
    base = server.url.replace(/\/graphql$/, "");
  });

  async function expectApp(path: string, status: number, method = "GET") {
    const res = await fetch(`${base}${path}`, { method });
    expect(res.status, `${method} ${path}`).toBe(status);
    expect(res.headers.get("content-type")).toMatch(/^text\/html/);
    expect(res.headers.get("cache-control")).toBe("no-cache");
    expect(await res.text()).toBe(method === "HEAD" ? "" : index);
  }

  it("answers 200 with the app on every page's path, for objects that do not exist too, without a query", async () => {
    const patterns = await listedPatterns();
    const before = server.statements.length;
    for (const pattern of patterns) await expectApp(concrete(pattern), 200);
    expect(server.statements.length).toBe(before);
  });

  it("answers 200 where the router also matches: a trailing slash, another case, a query string", async () => {
    for (const path of [`/t/${randomUUID()}/`, "/SEARCH", "/search?q=bilancio", "/?lang=en"]) {
      await expectApp(path, 200);
    }
  });

  it("answers 404 with the app (which shows its not-found page), not cached, to any other path", async () => {
    for (const path of [
      "/nope",
      "/c",
      "/t/",
      `/t/${randomUUID()}/extra`,
      `/d/${randomUUID()}/unknown`,
      "/communities/somewhere",
      "/favicon.ico",
      "/graphqlx",
      "/index",
    ]) {
      await expectApp(path, 404);
    }
    await expectApp("/nope", 404, "HEAD");
  });

  it("keeps a missing asset an empty 404, not the app", async () => {
    const res = await fetch(`${base}/assets/missing-0000.js`);
    expect(res.status).toBe(404);
    expect(await res.text()).toBe("");
  });
});

describe("a web build without the list (built before app-routes.json)", () => {
  let webDist: string;
  beforeAll(async () => {
    webDist = await mkdtemp(join(tmpdir(), "pratica-web-"));
    await writeFile(join(webDist, "index.html"), "<!doctype html><title>app</title>");
  });
  const server = useTestServer(() => ({ WEB_DIST_DIR: webDist }));
  afterAll(() => rm(webDist, { recursive: true, force: true }));

  it("answers 200 with the app to every path, as before", async () => {
    const res = await fetch(server.url.replace(/\/graphql$/, "/nope"));
    expect(res.status).toBe(200);
    expect(await res.text()).toBe("<!doctype html><title>app</title>");
  });
});
