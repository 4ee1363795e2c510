export * from "./client.js";
export { handleFrom } from "./handle.js";
export * from "./migrate.js";
export * from "./password.js";
export * from "./schema/index.js";
export { DEMO_PASSWORD } from "./seed/demo-accounts.js";
export { isEmpty, seed } from "./seed/index.js";
