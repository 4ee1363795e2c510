import type { Database } from "@pratica/db";
import type { EventBus } from "./event-bus.js";

/*
 * `ctx.services`, its options and the loaders are interfaces that each module's index.ts extends
 * (`declare module "…/core/services.js" { interface Services { thread: ThreadService } }`), rather
 * than types derived from the composition's module list. Derived types would run in a circle (a
 * module's factory reads `Services`, which would be computed from that factory's own return type),
 * and TypeScript answers such circles with `any`. Declared, each name keeps its exact class; the
 * module's factory is checked against what it declared, and app/compose.ts checks that the
 * listed modules build every declared service and loader.
 */

/** The services of one api process: stateless apart from the db, the event bus and shared limiters. */
export interface Services {
  db: Database;
  bus: EventBus;
}

/** The settings services are built with; a module adds the ones it reads. */
export interface ServiceOptions {
  bus: EventBus;
}
