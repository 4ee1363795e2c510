// The input limits and text rules the api enforces and the web explains before sending.
// Plain values and one regex: no zod, no React, so both sides can import it without weight.

export * from "./admin.js";
export * from "./buy-social.js";
export * from "./decisions.js";
export * from "./deliverable.js";
export * from "./ecosystem.js";
export * from "./events.js";
export * from "./hub.js";
export * from "./identity.js";
export * from "./library.js";
export * from "./mentions.js";
export * from "./municipalities.js";
export * from "./search.js";
export * from "./tags.js";
export * from "./text.js";
export * from "./thread.js";
