export * from "./client.js";
export { handleFrom } from "./handle.js";
export * from "./migrate.js";
export * from "./password.js";
export * from "./schema/index.js";
export { type CpvCsvRow, loadCpvCodes, parseCpvCsv } from "./seed/data/cpv/load.js";
export { CPV_SUBSET_CSV } from "./seed/data/cpv/subset.js";
export { DEMO_PASSWORD, type DemoAccount } from "./seed/demo-accounts.js";
export { hasDemoAccounts, isEmpty, type SeedReport, seed, seededDemoAccounts } from "./seed/index.js";
