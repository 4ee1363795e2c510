export * from "./communities.js";
export * from "./identity.js";
export * from "./notifications.js";
export * from "./organizations.js";
export * from "./threads.js";
