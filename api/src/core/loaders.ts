import type { Database } from "@pratica/db";
import { communityLoaders, communityViewerLoaders } from "../modules/community/community.loaders.js";
import { deliverableLoaders, deliverableViewerLoaders } from "../modules/deliverable/deliverable.loaders.js";
import { identityLoaders } from "../modules/identity/identity.loaders.js";
import { libraryLoaders, libraryViewerLoaders } from "../modules/library/library.loaders.js";
import { organizationLoaders } from "../modules/organization/organization.loaders.js";
import { threadLoaders, threadViewerLoaders } from "../modules/thread/thread.loaders.js";
import { lazyGroups } from "./lazy-groups.js";
import type { Viewer } from "./viewer.js";

/** Loaders whose answers are the same for every viewer: one set may serve many subscribers of an event. */
const sharedGroups = lazyGroups([
  identityLoaders,
  organizationLoaders,
  communityLoaders,
  threadLoaders,
  libraryLoaders,
  deliverableLoaders,
]);

/** Loaders whose answers depend on who asks. */
const viewerGroups = lazyGroups(
  [communityViewerLoaders, threadViewerLoaders, libraryViewerLoaders, deliverableViewerLoaders],
  () => sharedGroups.keys(),
);

/** Each module's loaders are built when first used (lazy-groups.ts). */
export const createSharedLoaders = (db: Database) => sharedGroups([db]);

export type SharedLoaders = ReturnType<typeof createSharedLoaders>;

/**
 * Every DataLoader of one request (or one subscription event), fresh each time; the
 * viewer-independent part may be passed in to share it.
 */
export const createLoaders = (db: Database, viewer: Viewer | null, shared: SharedLoaders = createSharedLoaders(db)) =>
  viewerGroups([db, viewer], shared);

export type Loaders = ReturnType<typeof createLoaders>;
