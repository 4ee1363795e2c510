import { defineConfig } from "vitest/config";

// graphql must resolve to one module instance, or type-graphql and graphql-js disagree about
// "realms" (see shared/STACK.md).
const graphqlAlias = [{ find: /^graphql$/, replacement: "graphql/index.js" }];
const sourceConditions = { resolve: { conditions: ["@pratica/source"] } };

const apiProject = (name: string, env: Record<string, string>, globalSetup: string[] = []) => ({
  resolve: { alias: graphqlAlias, conditions: ["@pratica/source"] },
  ssr: sourceConditions,
  test: {
    name,
    include: ["api/src/**/*.test.ts", "db/src/**/*.test.ts", "rules/src/**/*.test.ts"],
    environment: "node",
    env,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    globalSetup,
  },
});

const postgresUrl = process.env.TEST_DATABASE_URL;

export default defineConfig({
  test: {
    // CI also writes a machine-readable summary that .ci/run turns into "N passed, N failed".
    reporters: process.env.CI ? ["default", ["json", { outputFile: "test-artifacts/vitest.json" }]] : ["default"],
    projects: [
      apiProject("pglite", { TEST_DB: "pglite" }, ["api/src/test/pglite-template.ts"]),
      ...(postgresUrl
        ? [
            apiProject("postgres", { TEST_DB: "postgres", TEST_DATABASE_URL: postgresUrl }, [
              "api/src/test/postgres-template.ts",
            ]),
          ]
        : []),
      {
        resolve: { alias: graphqlAlias },
        test: {
          name: "browser",
          include: ["web/e2e/**/*.test.ts"],
          environment: "node",
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
