import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** Written by the web build beside index.html: the pages' paths (web/src/app/route-patterns.ts). */
export const APP_ROUTES_FILE = "app-routes.json";

/** Whether a path names one of the web app's pages (the page may still say its object is missing). */
export type PageMatcher = (path: string) => boolean;

/** The matcher for the build in `webDistDir`; undefined when the build carries no list (built before it existed). */
export function loadPageMatcher(webDistDir: string): PageMatcher | undefined {
  const file = join(webDistDir, APP_ROUTES_FILE);
  if (!existsSync(file)) return undefined;
  const patterns: unknown = JSON.parse(readFileSync(file, "utf8"));
  if (!Array.isArray(patterns) || !patterns.every((pattern) => typeof pattern === "string")) {
    throw new Error(`${file} is not a list of route patterns`);
  }
  return pageMatcher(patterns);
}

export function pageMatcher(patterns: readonly string[]): PageMatcher {
  const expressions = patterns.map(compile);
  return (path) => expressions.some((expression) => expression.test(path));
}

// As react-router matches, so that the server's 200 and the app's page agree: case-insensitive,
// trailing slashes ignored, `:param` is one non-empty segment.
function compile(pattern: string): RegExp {
  const segments = pattern
    .replace(/\/+$/, "")
    .split("/")
    .map((segment) => {
      if (/^:[\w-]+$/.test(segment)) return "[^/]+";
      // Optional segments and splats would silently answer 404 to real pages: refuse them loudly.
      if (/[:*?]/.test(segment)) throw new Error(`route pattern "${pattern}": only static segments and :param`);
      return segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    });
  return new RegExp(`^${segments.join("/")}/*$`, "i");
}
