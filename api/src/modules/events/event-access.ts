import type { EventRow } from "@pratica/db";
import type { Context } from "../../core/context.js";
import { accessVia } from "../community/community.access.js";
import type { EventAccess } from "./events.policy.js";

/** The viewer's access to the event's community through the request's loaders (null: platform-wide). */
export const eventAccess = (ctx: Context, event: Pick<EventRow, "communityId">): Promise<EventAccess> =>
  event.communityId ? accessVia(ctx, event.communityId) : Promise.resolve(null);
