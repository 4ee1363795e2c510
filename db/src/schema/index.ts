export * from "./communities.js";
export * from "./identity.js";
export * from "./organizations.js";
