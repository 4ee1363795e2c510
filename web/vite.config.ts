import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defaultClientConditions, defineConfig, type Plugin } from "vite";
import { APP_ROUTES_FILE, appRoutePatterns } from "./src/app/route-patterns.ts";
import { graphqlDocumentsPerModule } from "./vite-plugins/graphqlDocuments.ts";

const api = process.env.PRATICA_API_URL ?? "http://localhost:4000";

export default defineConfig({
  root: import.meta.dirname,
  plugins: [
    graphqlDocumentsPerModule(`${import.meta.dirname}/src/gql`),
    react(),
    appRoutesFile(),
    reactRouterProductionBuild(),
  ],
  // Workspace packages (@pratica/rules) are bundled from their TypeScript sources, as the api's
  // dev and test runs read them: no stale dist, and `vite dev` works before any build.
  // `es2015`: rxjs (Apollo's) ships ES2015 classes under it; its default is ES5 with tslib
  // helpers, ~1 kB more gzip on every page. No other package the web bundles has that condition.
  resolve: { conditions: ["@pratica/source", "es2015", ...defaultClientConditions] },
  server: {
    proxy: {
      "/graphql": { target: api, ws: true, changeOrigin: false },
      "/healthz": { target: api },
      "/dev/mail": { target: api },
      // The partner directory's open data (api/src/server/partner-data-routes.ts).
      "/partners.csv": { target: api },
      "/partners.geojson": { target: api },
      // Calendar files and the events map layer (api/src/server/calendar-routes.ts).
      "/events.geojson": { target: api },
      "^/events/[^/]+/event\\.ics$": { target: api },
      "^/calendar/[^/]+\\.ics$": { target: api },
    },
  },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    sourcemap: true,
    // .vite/manifest.json maps each chunk to its imports: bench/src/web-size.ts reads what a page loads from it.
    manifest: true,
    rolldownOptions: {
      output: {
        // Libraries change less often than the app: separate chunks stay cached across releases.
        // The vendor groups of the first load take only what the entry reaches by static imports
        // (the `$initial` tag): a part of them that only a lazy route imported would otherwise join
        // every page's first load (none does today; the tag keeps it so). Markdown is only used by
        // pages that show user text, all lazy: one chunk those routes share.
        codeSplitting: {
          groups: [
            {
              name: "react",
              test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/,
              tags: ["$initial"],
            },
            {
              name: "apollo",
              test: /node_modules[\\/](@apollo|graphql|graphql-ws|rxjs|optimism|@wry|tslib)[\\/]/,
              tags: ["$initial"],
            },
            {
              name: "i18n",
              test: /node_modules[\\/](i18next|react-i18next)[\\/]/,
              tags: ["$initial"],
            },
            // Leaflet and clustering: only the map, an organisation's point and the admin's point picker (lazy).
            {
              name: "map",
              test: /node_modules[\\/](leaflet|react-leaflet|@react-leaflet[\\/][^\\/]+|supercluster|kdbush)[\\/]/,
            },
            {
              name: "markdown",
              test: /node_modules[\\/](react-markdown|remark-[^\\/]+|micromark[^\\/]*|mdast-[^\\/]+|hast-[^\\/]+|unist-[^\\/]+|unified|vfile[^\\/]*)[\\/]/,
            },
          ],
        },
      },
    },
  },
});

/** The pages' paths beside index.html, for the api to tell pages from unknown paths (route-patterns.ts). */
function appRoutesFile(): Plugin {
  return {
    name: "pratica-app-routes",
    apply: "build",
    generateBundle() {
      this.emitFile({ type: "asset", fileName: APP_ROUTES_FILE, source: `${JSON.stringify(appRoutePatterns)}\n` });
    },
  };
}

/**
 * react-router's package exports only its development build (dev warnings on, ~0.5 kB gzip more);
 * its production build ships beside it in the same package. `vite build` takes that one; `vite dev`
 * keeps the warnings.
 */
function reactRouterProductionBuild(): Plugin {
  const development = fileURLToPath(import.meta.resolve("react-router"));
  const production = development.replace(/([\\/]dist[\\/])development([\\/])/, "$1production$2");
  if (production === development || !existsSync(production))
    throw new Error(`react-router's production build not found beside ${development}`);
  return {
    name: "pratica-react-router-production",
    apply: "build",
    enforce: "pre",
    resolveId: (source) => (source === "react-router" ? production : null),
  };
}
