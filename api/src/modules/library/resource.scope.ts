import { resources } from "@pratica/db";
import { inArray, type SQL, sql } from "drizzle-orm";
import type { Viewer } from "../../core/viewer.js";
import { moderatedCommunityIds, readableCommunityIds } from "../community/community.scope.js";
import { VISIBLE } from "./resource.workflow.js";

/**
 * The same rule as `canSeeResource` (resource.policy.ts), as a subquery for lists: the ids of the
 * material the viewer may see — in a community they may read, and published unless they
 * proposed it or curate that community.
 */
export function seenResourceIds(viewer: Viewer | null): SQL {
  const proposed = viewer ? sql` or ${resources.proposerId} = ${viewer.id}` : sql``;
  return sql`select ${resources.id} from ${resources}
    where ${resources.communityId} in (${readableCommunityIds(viewer)})
      and (${inArray(resources.status, [...VISIBLE])}${proposed} or ${resources.communityId} in (${moderatedCommunityIds(viewer)}))`;
}
