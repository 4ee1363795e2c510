import type { Database } from "@pratica/db";
import type { ServiceOptions, Services } from "./services.js";
import type { Viewer } from "./viewer.js";

/**
 * What a feature module contributes, exported as `module` by `modules/<m>/index.ts`. Core knows
 * this shape and never a module: app/modules.ts lists the modules and app/compose.ts assembles
 * the schema, the services and the loaders from the list.
 */
export type ModuleDefinition = {
  name: string;
  /** Its type-graphql resolver classes, listed explicitly (nothing is discovered by glob). */
  // biome-ignore lint/complexity/noBannedTypes: type-graphql's own type for a resolver class
  resolvers?: readonly Function[];
  /**
   * Builds its services. `deps` holds every service of the modules listed before it (and the db
   * and the bus); reading one that is not built yet throws at startup: list its module earlier.
   */
  services?: (deps: Services, options: ServiceOptions) => Partial<Services>;
  /** Its DataLoaders that answer the same for every viewer (built lazily: core/lazy-groups.ts). */
  loaders?: (db: Database) => object;
  /** Its DataLoaders whose answers depend on the viewer. */
  viewerLoaders?: (db: Database, viewer: Viewer | null) => object;
};

/** Keeps the module's exact types (its factories' return types) while checking the shape. */
export const defineModule = <const M extends ModuleDefinition>(module: M): M => module;
