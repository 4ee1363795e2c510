export * from "./communities.js";
export * from "./deliverables.js";
export * from "./identity.js";
export * from "./library.js";
export * from "./notifications.js";
export * from "./organizations.js";
export * from "./search.js";
export * from "./threads.js";
