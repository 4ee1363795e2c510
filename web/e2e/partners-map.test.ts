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
    await page.getByRole("button", { name: "Zoom in" }).click();
    await page.getByRole("button", { name: "Zoom in" }).click();
    await expect.poll(inViewCount).toBeLessThan(before);

    await page.getByLabel("Category").selectOption("PROFESSIONAL_ORDERS");
    await inView().filter({ hasText: "4 partners in this area" }).waitFor();
    expect(new URL(page.url()).searchParams.get("category")).toBe("PROFESSIONAL_ORDERS");
    await page.getByRole("link", { name: "The directory (as a list)" }).click();
    await page.getByRole("heading", { level: 1, name: "Partner organisations" }).waitFor();
    await page.getByRole("status").filter({ hasText: "4 partners" }).waitFor();
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
