// Rewrites subset.ts from cpv-subset.csv (run from the repository root after editing the CSV).
import { readFileSync, writeFileSync } from "node:fs";

const dir = new URL("./", import.meta.url);
const csv = readFileSync(new URL("cpv-subset.csv", dir), "utf8");
writeFileSync(
  new URL("subset.ts", dir),
  `// Generated from cpv-subset.csv (the file people edit) so that the built seed carries it: the\n// package ships dist/ only. api/src/test/cpv/cpv.test.ts fails when the two differ; regenerate\n// with \`node db/src/seed/data/cpv/embed.mjs\`.\nexport const CPV_SUBSET_CSV = ${JSON.stringify(csv)};\n`,
);
