import { fileURLToPath } from "node:url";
import type { CodegenConfig } from "@graphql-codegen/cli";

// Paths are resolved from this file, so `pnpm codegen` (repo root) and the web package's build
// (run from web/) produce the same output.
const fromRoot = (path: string) => fileURLToPath(new URL(path, import.meta.url));

// Typed document nodes for the web app. Each operation lives beside the component that uses it
// and is written with `graphql()` from web/src/gql, which this generates.
const config: CodegenConfig = {
  schema: fromRoot("api/schema.graphql"),
  documents: [fromRoot("web/src/**/*.{ts,tsx}"), `!${fromRoot("web/src/gql/**/*")}`],
  ignoreNoDocuments: true,
  generates: {
    [`${fromRoot("web/src/gql")}/`]: {
      preset: "client",
      presetConfig: {
        // Fragment masking is off: pages read the fields they select directly.
        fragmentMasking: false,
      },
      config: {
        // client-preset 6 replaced `enumsAsTypes` with `enumType`; string literals are the same thing.
        enumType: "string-literal",
        useTypeImports: true,
        // LocalDate: a calendar day "YYYY-MM-DD" (graphql-scalars), as certifications' validity.
        scalars: { DateTimeISO: "string", LocalDate: "string" },
        defaultScalarType: "unknown",
        skipTypeNameForRoot: true,
      },
    },
  },
};

export default config;
