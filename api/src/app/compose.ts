import type { Database } from "@pratica/db";
import { lazyGroups } from "../core/lazy-groups.js";
import type { Loaders, SharedLoaders, ViewerLoaders } from "../core/loaders.js";
import type { ServiceOptions, Services } from "../core/services.js";
import type { Viewer } from "../core/viewer.js";
import { modules } from "./modules.js";

type Listed = (typeof modules)[number];
type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;
type Built<K extends "services" | "loaders" | "viewerLoaders"> = UnionToIntersection<
  Listed extends infer M ? (M extends { [P in K]: (...args: never[]) => infer R } ? R : never) : never
>;
/** Compiles only when nothing is left: a key named in the error is declared by a module that is not listed. */
type NoneLeft<T extends never> = T;
export type EveryServiceBuilt = NoneLeft<Exclude<keyof Services, keyof Built<"services"> | "db" | "bus">>;
export type EverySharedLoaderBuilt = NoneLeft<Exclude<keyof SharedLoaders, keyof Built<"loaders">>>;
export type EveryViewerLoaderBuilt = NoneLeft<Exclude<keyof ViewerLoaders, keyof Built<"viewerLoaders">>>;

/** The services of one api process: stateless apart from the db, the event bus and shared limiters. */
export function createServices(db: Database, options: ServiceOptions): Services {
  const built: Partial<Services> = { db, bus: options.bus };
  // A module reads the services of the modules above it; reading one not built yet is a wrong
  // order in modules.ts, told at startup rather than found as an undefined later.
  const deps = new Proxy(built, {
    get(target, key) {
      if (!(key in target)) throw new Error(`service ${String(key)} is not built yet: list its module earlier`);
      return Reflect.get(target, key);
    },
  }) as Services;
  for (const module of modules) if ("services" in module) Object.assign(built, module.services(deps, options));
  return built as Services;
}

const sharedGroups = lazyGroups(modules.flatMap((m) => ("loaders" in m ? [m.loaders] : [])));
const viewerGroups = lazyGroups(
  modules.flatMap((m) => ("viewerLoaders" in m ? [m.viewerLoaders] : [])),
  () => sharedGroups.keys(),
);

/** Each module's loaders are built when first used (core/lazy-groups.ts). */
export const createSharedLoaders = (db: Database): SharedLoaders => sharedGroups([db]) as SharedLoaders;

/**
 * Every DataLoader of one request (or one subscription event), fresh each time; the
 * viewer-independent part may be passed in to share it.
 */
export const createLoaders = (
  db: Database,
  viewer: Viewer | null,
  shared: SharedLoaders = createSharedLoaders(db),
): Loaders => viewerGroups([db, viewer], shared) as Loaders;
