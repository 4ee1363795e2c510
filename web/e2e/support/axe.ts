import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { AxeResults, Result, RunOptions } from "axe-core";
import type { Page } from "playwright-core";

// The installed package, read from disk: the tests never fetch anything at run time.
const AXE_SCRIPT = join(dirname(createRequire(import.meta.url).resolve("axe-core")), "axe.min.js");
let axeSource: Promise<string> | undefined;

/** The page's `window` once axe is in it; not declared globally, so the app's types stay clean. */
type WithAxe = { axe?: { run(context: Document, options: RunOptions): Promise<AxeResults> } };

/**
 * Evaluated rather than added as a <script>: the app's Content-Security-Policy refuses inline
 * scripts (as it should), and the tests that watch for CSP violations must not see one of ours.
 */
async function injectAxe(page: Page) {
  if (await page.evaluate(() => typeof (window as WithAxe).axe !== "undefined")) return;
  axeSource ??= readFile(AXE_SCRIPT, "utf8");
  await page.evaluate(await axeSource);
}

function describeViolation(violation: Result): string {
  const nodes = violation.nodes.map((node) => {
    const why = (node.failureSummary ?? "").split("\n").map((line) => `      ${line.trim()}`);
    return [`    ${node.target.join(" ")}`, ...why].join("\n");
  });
  const rule = `  ${violation.id} (${violation.impact ?? "no impact given"}): ${violation.help} ${violation.helpUrl}`;
  return [rule, ...nodes].join("\n");
}

/**
 * Colour contrast is read from computed styles, which are in between while a transition runs
 * (a hover, a switch to dark mode): wait for every animation that ends to end.
 */
async function animationsSettled(page: Page) {
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((animation) => Number.isFinite(Number(animation.effect?.getComputedTiming().endTime)))
        .map((animation) => animation.finished.catch(() => undefined)),
    ),
  );
}

/**
 * Runs axe-core on what the page shows now, with every rule axe enables by default (WCAG 2.x A
 * and AA, and the best practices), and returns the violations.
 */
export async function axeViolations(page: Page): Promise<Result[]> {
  await injectAxe(page);
  await animationsSettled(page);
  const results = await page.evaluate(async () => {
    const { axe } = window as WithAxe;
    if (!axe) throw new Error("axe-core was not injected");
    return axe.run(document, { resultTypes: ["violations"] });
  });
  return results.violations;
}

/** Fails, naming each violation's rule, impact and target selectors, when axe finds any. */
export async function expectNoAxeViolations(page: Page, where: string): Promise<void> {
  const violations = await axeViolations(page);
  if (violations.length === 0) return;
  const list = violations.map(describeViolation).join("\n");
  throw new Error(`axe found ${violations.length} accessibility violation(s) on ${where} (${page.url()}):\n${list}`);
}
