import type { Database } from "@pratica/db";
import { communityLoaders } from "../modules/community/community.loaders.js";
import { identityLoaders } from "../modules/identity/identity.loaders.js";
import { organizationLoaders } from "../modules/organization/organization.loaders.js";
import { threadLoaders } from "../modules/thread/thread.loaders.js";
import type { Viewer } from "./viewer.js";

/** Every DataLoader of one request (or one subscription event), built fresh each time. */
export const createLoaders = (db: Database, viewer: Viewer | null) => ({
  ...identityLoaders(db),
  ...organizationLoaders(db),
  ...communityLoaders(db, viewer),
  ...threadLoaders(db, viewer),
});

export type Loaders = ReturnType<typeof createLoaders>;
