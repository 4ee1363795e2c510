import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectNoAxeViolations } from "./support/axe";
import { chromiumAvailable, launchChromium } from "./support/browser";
import { REPO_ROOT, type RunningServer, startServer } from "./support/server";

// No MAP_TILE_URL here (and none may be: tests never reach a public tile server): the map has no
// tiles, and its markers, clusters and list must work all the same. 40 of the demo's 41 current partners
// have a point, all in Torino.
const WITH_POINT = 40;
const screenshot = (name: string) => join(REPO_ROOT, "docs", "screenshots", name);

describe.skipIf(!chromiumAvailable())("the ecosystem map, and its list as the keyboard's way through it", () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const cspViolations: string[] = [];
  const tileRequests: string[] = [];

  beforeAll(async () => {
    server = await startServer();
    browser = await launchChromium();
    const context = await browser.newContext({
      baseURL: server.baseUrl,
      locale: "en-US",
      viewport: { width: 1280, height: 900 },
    });
    page = await context.newPage();
    page.on("console", (message) => {
      if (message.type() === "error" && /Content Security Policy/i.test(message.text()))
        cspViolations.push(message.text());
    });
    page.on("request", (request) => {
      if (!request.url().startsWith(server.baseUrl)) tileRequests.push(request.url());
    });
  });

  afterAll(async () => {
    if (page && !page.isClosed())
      await page.screenshot({ path: join(REPO_ROOT, "test-artifacts", "partners-map-last.png"), fullPage: true });
    await browser?.close();
    await server?.stop();
  });

  const inView = () => page.getByRole("status").filter({ hasText: /in this area$/ });
  const inViewCount = async () => Number.parseInt((await inView().textContent()) ?? "", 10);

  it("shows every partner with a point as markers and clusters, without tiles, and lists them", async () => {
    await page.goto("/partners");
    await page.getByRole("link", { name: "See them on the map" }).click();
    await page.getByRole("heading", { level: 1, name: "The ecosystem map" }).waitFor();
    const map = page.getByRole("region", { name: "Map of the partner organisations" });
    await map.waitFor();
    await page.getByText("No map tiles are configured here").waitFor();
    await inView()
      .filter({ hasText: `${WITH_POINT} partners in this area` })
      .waitFor();
    expect(await page.locator(".partners-map__list > li").count()).toBe(WITH_POINT);
    // Markers and clusters together stand for every partner in view.
    await map.locator(".map-cluster").first().waitFor();
    const clustered = await map
      .locator(".map-cluster")
      .evaluateAll((clusters) => clusters.reduce((sum, c) => sum + Number(c.textContent), 0));
    const single = await map.locator(".map-marker").count();
    expect(clustered + single).toBe(WITH_POINT);
    expect(await map.locator(".leaflet-tile").count()).toBe(0);
    await expectNoAxeViolations(page, "the map page");
    await page.screenshot({ path: screenshot("partners-map.png") });
  });

  it("the list follows the map's zoom, and filters are shared with the directory", async () => {
    const before = await inViewCount();
    await page.getByRole("button", { name: "Zoom in", exact: true }).click();
    await page.getByRole("button", { name: "Zoom in", exact: true }).click();
    await expect.poll(inViewCount).toBeLessThan(before);

    await page.getByLabel("Category").selectOption("PROFESSIONAL_ORDERS");
    await inView().filter({ hasText: "4 partners in this area" }).waitFor();
    expect(new URL(page.url()).searchParams.get("category")).toBe("PROFESSIONAL_ORDERS");
    await page.getByRole("link", { name: "The directory (as a list)" }).click();
    await page.getByRole("heading", { level: 1, name: "Partner organisations" }).waitFor();
    await page.getByRole("status").filter({ hasText: "4 partners" }).waitFor();
  });

  it("a cluster is a button: focused by keyboard, Enter zooms into it", async () => {
    await page.goto("/partners/map");
    await inView()
      .filter({ hasText: `${WITH_POINT} partners in this area` })
      .waitFor();
    const cluster = page.getByRole("button", { name: /^\d+ partners: zoom in$/ }).first();
    await cluster.focus();
    await page.keyboard.press("Enter");
    await expect.poll(inViewCount).toBeLessThan(WITH_POINT);
    // A partner's marker opens its popup, with the link to its page.
    const marker = page.locator(".leaflet-marker-icon:has(.map-marker)").first();
    const name = await marker.getAttribute("title");
    await marker.focus();
    await page.keyboard.press("Enter");
    await page
      .locator(".leaflet-popup")
      .getByRole("link", { name: name ?? "" })
      .waitFor();
  });

  it("keeps its contrast in the dark colour scheme", async () => {
    const dark = await browser.newContext({ baseURL: server.baseUrl, locale: "en-US", colorScheme: "dark" });
    try {
      const p = await dark.newPage();
      await p.goto("/partners/map");
      await p
        .getByRole("status")
        .filter({ hasText: `${WITH_POINT} partners in this area` })
        .waitFor();
      await p.locator(".map-cluster").first().waitFor();
      await expectNoAxeViolations(p, "the map in the dark colour scheme");
      await p.goto("/partners");
      await p.locator(".partner-card").first().waitFor();
      await expectNoAxeViolations(p, "the directory in the dark colour scheme");
    } finally {
      await dark.close();
    }
  });

  it("keyboard only: Tab to the list, show a partner on the map, open its page", async () => {
    await page.goto("/partners/map");
    await inView()
      .filter({ hasText: `${WITH_POINT} partners in this area` })
      .waitFor();
    const target = "Show on map: Notarial Council of Torino";
    let reached = false;
    for (let i = 0; i < 150 && !reached; i++) {
      await page.keyboard.press("Tab");
      reached = await page.evaluate((name) => document.activeElement?.textContent === name, target);
    }
    expect(reached).toBe(true);
    await page.keyboard.press("Enter");
    // The map comes to it: its marker is highlighted, and fewer partners are in view.
    await page.locator(".map-marker--current").waitFor();
    await expect.poll(inViewCount).toBeLessThan(WITH_POINT);
    await page.getByRole("link", { name: "Notarial Council of Torino" }).focus();
    await page.keyboard.press("Shift+Tab");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 1, name: "Notarial Council of Torino" }).waitFor();
    expect(cspViolations).toEqual([]);
    expect(tileRequests).toEqual([]);
  });
});

// A tile server of the test's own (a 1×1 PNG for any tile), never a public one: the page loads
// tiles from MAP_TILE_URL's origin, which the CSP allows, shows the attribution, and nothing else.
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
  "base64",
);

describe.skipIf(!chromiumAvailable())("the ecosystem map with tiles configured", () => {
  let tiles: Server;
  let tileOrigin: string;
  let server: RunningServer;
  let browser: Browser;
  const tileRequests: string[] = [];

  beforeAll(async () => {
    tiles = createServer((request, response) => {
      tileRequests.push(request.url ?? "");
      response.writeHead(200, { "content-type": "image/png", "cache-control": "no-store" });
      response.end(PNG);
    });
    await new Promise<void>((resolve) => tiles.listen(0, "127.0.0.1", resolve));
    const address = tiles.address() as AddressInfo;
    tileOrigin = `http://127.0.0.1:${address.port}`;
    server = await startServer({
      env: { MAP_TILE_URL: `${tileOrigin}/{z}/{x}/{y}.png`, MAP_ATTRIBUTION: "Tiles of the test" },
    });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await new Promise((resolve) => tiles?.close(resolve));
  });

  it("draws the configured tiles, allowed by the page's policy, with their attribution", async () => {
    const context = await browser.newContext({ baseURL: server.baseUrl, locale: "en-US" });
    const page = await context.newPage();
    const cspViolations: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error" && /Content Security Policy/i.test(message.text()))
        cspViolations.push(message.text());
    });
    const response = await page.goto("/partners/map");
    expect(response?.headers()["content-security-policy"]).toContain(`img-src 'self' data: ${tileOrigin}`);
    const map = page.getByRole("region", { name: "Map of the partner organisations" });
    await map.locator("img.leaflet-tile-loaded").first().waitFor();
    await map.getByText("Tiles of the test").waitFor();
    expect(await page.getByText("No map tiles are configured here").count()).toBe(0);
    expect(tileRequests.length).toBeGreaterThan(0);
    expect(tileRequests.every((url) => /^\/\d+\/\d+\/\d+\.png$/.test(url))).toBe(true);
    expect(cspViolations).toEqual([]);
    await context.close();
  });
});
