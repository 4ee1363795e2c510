import { existsSync } from "node:fs";
import { type Browser, chromium } from "playwright-core";

export const CHROMIUM_PATH = "/usr/bin/chromium";

/**
 * Whether the browser tests can run. Without Chromium they fail in CI (where it must be
 * installed) and are skipped, with a note saying why, on a developer's machine.
 */
export function chromiumAvailable(): boolean {
  if (existsSync(CHROMIUM_PATH)) return true;
  const hint = `${CHROMIUM_PATH} not found; install it with \`apt-get install -y chromium\`.`;
  if (process.env.CI) throw new Error(`Browser tests need Chromium: ${hint}`);
  console.warn(`[browser tests] Skipped: ${hint}`);
  return false;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}
