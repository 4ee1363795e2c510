import { deliverableEditors, deliverables } from "@pratica/db";
import { inArray, type SQL, sql } from "drizzle-orm";
import type { Viewer } from "../../core/viewer.js";
import { memberCommunityIds, readableCommunityIds } from "../community/community.scope.js";
import { PUBLIC_STATUSES } from "./deliverable.workflow.js";

/**
 * The same rule as `canSeeDeliverable` (deliverable.policy.ts), as a subquery for lists: the ids
 * of the documents the viewer may see — in a community they may read, and published or archived
 * unless they are an active member (admins are members of all) or one of its editors.
 */
export function seenDeliverableIds(viewer: Viewer | null): SQL {
  const editing = viewer
    ? sql` or ${deliverables.id} in (select ${deliverableEditors.deliverableId} from ${deliverableEditors} where ${deliverableEditors.userId} = ${viewer.id})`
    : sql``;
  return sql`select ${deliverables.id} from ${deliverables}
    where ${deliverables.communityId} in (${readableCommunityIds(viewer)})
      and (${inArray(deliverables.status, [...PUBLIC_STATUSES])} or ${deliverables.communityId} in (${memberCommunityIds(viewer)})${editing})`;
}
