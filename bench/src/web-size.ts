/**
 * The JavaScript a page of the built web app (`pnpm build` first) makes the browser load before
 * it can render, read from Vite's manifest (web/dist/.vite/manifest.json):
 *
 *  - every page: the entry chunk and its static imports, transitively (index.html loads the entry
 *    and Vite adds a modulepreload link for each of its imports);
 *  - a page whose route is lazy: also the route's chunk and its static imports, which Vite's
 *    preload helper fetches together when the router calls the route's `lazy()`;
 *  - the shown language's strings (English here), once they are a chunk of their own: the app
 *    renders after i18next has loaded them (web/src/i18n/index.ts).
 *
 * Chunks loaded later (a dialog's import(), another route) are not counted. Sizes are raw and
 * gzipped with node:zlib at level 9, the smallest gzip makes (a proxy compressing on the fly, like
 * the Caddy of docker/, uses a lower level and sends a little more; Vite's own report is ~1% more).
 * The packages in each chunk come from its source map, to check that a library (Markdown, diff)
 * stays out of the pages that do not use it.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { constants, gzipSync } from "node:zlib";
import { REPO_DIR, writeResult } from "./lib/common.js";

const DIST = join(REPO_DIR, "web", "dist");
const MANIFEST = join(DIST, ".vite", "manifest.json");

/** Each measured page, with the module its route loads lazily (its chunk, once it has one). */
const PAGES = [
  { path: "/", routeModule: "src/routes/home/HomePage.tsx" },
  { path: "/t/:id", routeModule: "src/routes/thread/ThreadPage.tsx" },
] as const;

/** Modules every page waits for although they are imported dynamically: the shown language's strings. */
const BEFORE_RENDER = ["src/i18n/en/first.json"];
/** …and, on any page but the home page, the other pages' strings, which lazy routes load with their code. */
const ROUTE_STRINGS = "src/i18n/en/pages.ts";

/** Libraries that only some routes need: reported per page so a regression shows. */
const WATCHED = ["react-markdown", "remark-gfm", "micromark", "diff"];

type ManifestChunk = {
  file: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
};
type Manifest = Record<string, ManifestChunk>;

type FileSize = { file: string; raw: number; gzip: number };

if (!existsSync(MANIFEST)) {
  throw new Error(`${MANIFEST} is missing: run \`pnpm build\` (web/vite.config.ts sets build.manifest).`);
}
const manifest = JSON.parse(readFileSync(MANIFEST, "utf8")) as Manifest;

const entries = Object.entries(manifest).filter(([, chunk]) => chunk.isEntry);
if (entries.length !== 1 || !entries[0]) throw new Error(`expected one entry in the manifest, found ${entries.length}`);
const [entryKey] = entries[0];

/** `key` and its static imports, transitively, as manifest keys in load order. */
function withStaticImports(key: string, into = new Set<string>()): Set<string> {
  if (into.has(key)) return into;
  const chunk = manifest[key];
  if (!chunk) throw new Error(`manifest has no chunk ${key}`);
  into.add(key);
  for (const imported of chunk.imports ?? []) withStaticImports(imported, into);
  return into;
}

const sizes = new Map<string, FileSize>();
/** Raw and gzipped size of a file of web/dist. */
function sizeOf(file: string): FileSize {
  const cached = sizes.get(file);
  if (cached) return cached;
  const bytes = readFileSync(join(DIST, file));
  const size = { file, raw: bytes.length, gzip: gzipSync(bytes, { level: constants.Z_BEST_COMPRESSION }).length };
  sizes.set(file, size);
  return size;
}

const total = (files: FileSize[]) => ({
  raw: files.reduce((sum, f) => sum + f.raw, 0),
  gzip: files.reduce((sum, f) => sum + f.gzip, 0),
});

/** npm packages bundled into a chunk, from its source map (`…/node_modules/<name>/…`). */
function packagesOf(key: string): string[] {
  const mapPath = join(DIST, `${(manifest[key] as ManifestChunk).file}.map`);
  if (!existsSync(mapPath)) return [];
  const { sources } = JSON.parse(readFileSync(mapPath, "utf8")) as { sources: string[] };
  const names = new Set<string>();
  for (const source of sources) {
    const match = /.*node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(source);
    if (match?.[1]) names.add(match[1]);
  }
  return [...names];
}

/** kB of 1,000 bytes, as Vite reports them. */
const kb = (bytes: number) => Math.round(bytes / 100) / 10;

const pages = PAGES.map(({ path, routeModule }) => {
  const keys = withStaticImports(entryKey);
  // Before routes were split the module has no chunk of its own: it is inside the entry.
  const routeChunk = manifest[routeModule]?.isDynamicEntry ? routeModule : null;
  if (routeChunk) withStaticImports(routeChunk, keys);
  for (const key of BEFORE_RENDER) if (manifest[key]?.isDynamicEntry) withStaticImports(key, keys);
  if (routeChunk && manifest[ROUTE_STRINGS]?.isDynamicEntry) withStaticImports(ROUTE_STRINGS, keys);
  const chunks = [...keys].map((key) => manifest[key] as ManifestChunk);
  const files = chunks.map((chunk) => sizeOf(chunk.file));
  // The stylesheets of the same chunks, which the browser also waits for; reported apart.
  const css = [...new Set(chunks.flatMap((chunk) => chunk.css ?? []))].map(sizeOf);
  const packages = [...new Set([...keys].flatMap(packagesOf))].sort();
  const watched = WATCHED.filter((name) => packages.includes(name));
  return {
    path,
    routeChunk: routeChunk ? (manifest[routeChunk] as ManifestChunk).file : null,
    ...total(files),
    files,
    css: { ...total(css), files: css },
    watched,
    packages,
  };
});

for (const page of pages) {
  console.log(
    `${page.path.padEnd(8)} ${String(page.files.length).padStart(2)} files  ` +
      `raw ${kb(page.raw)} kB  gzip ${kb(page.gzip)} kB  ` +
      `route chunk ${page.routeChunk ?? "(in the entry)"}  loads ${page.watched.join(", ") || "none of"} [${WATCHED.join(", ")}]`,
  );
  for (const f of page.files)
    console.log(`    ${f.file.padEnd(48)} ${String(kb(f.raw)).padStart(7)} kB  gzip ${kb(f.gzip)} kB`);
  const stylesheets = page.css.files.map((f) => f.file).join(", ");
  console.log(`    and CSS (apart): ${stylesheets}  raw ${kb(page.css.raw)} kB  gzip ${kb(page.css.gzip)} kB`);
}

let gitHead = "unknown";
try {
  gitHead = execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: REPO_DIR, encoding: "utf8" }).trim();
} catch {
  // not a git checkout
}
const result = {
  gzip: "node:zlib level 9",
  pages,
  web: { gitHead, distBuiltAt: statSync(MANIFEST).mtime.toISOString() },
  measuredAt: new Date().toISOString(),
};
console.log(`Wrote ${await writeResult("web-size", result)}`);
