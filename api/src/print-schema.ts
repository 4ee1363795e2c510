import { writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { lexicographicSortSchema, printSchema } from "graphql";
import { createSchema } from "./schema.js";

/** api/schema.graphql: committed, read by codegen, checked for staleness by a test. */
export const schemaFile = fileURLToPath(new URL("../schema.graphql", import.meta.url));

export async function printedSchema(): Promise<string> {
  return `${printSchema(lexicographicSortSchema(await createSchema()))}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await writeFile(schemaFile, await printedSchema());
  console.log(`wrote ${schemaFile}`);
}
