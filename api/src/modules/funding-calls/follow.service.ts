import { type Database, type FundingCallRow, fundingCallFollows, fundingCalls } from "@pratica/db";
import { and, eq } from "drizzle-orm";
import { notFound } from "../../core/errors.js";
import { isUuid } from "../../core/ids.js";
import { unitOfWork } from "../../core/unit-of-work.js";
import type { Viewer } from "../../core/viewer.js";
import { requireFollower } from "./funding-calls.policy.js";

/**
 * Following a call: the follower gets the "closing soon" reminder. Both ways are idempotent (the
 * (user, call) unique index makes two concurrent follows one row), so no lock is needed: a follow
 * is the viewer's own row, and the call is read-only to members.
 */
export class FollowService {
  constructor(private readonly db: Database) {}

  follow(viewer: Viewer | null, callId: string): Promise<FundingCallRow> {
    requireFollower(viewer);
    return unitOfWork(this.db, async ({ tx }) => {
      const call = await this.existing(tx, callId);
      await tx.insert(fundingCallFollows).values({ userId: viewer.id, callId: call.id }).onConflictDoNothing();
      return call;
    });
  }

  unfollow(viewer: Viewer | null, callId: string): Promise<FundingCallRow> {
    requireFollower(viewer);
    return unitOfWork(this.db, async ({ tx }) => {
      const call = await this.existing(tx, callId);
      await tx
        .delete(fundingCallFollows)
        .where(and(eq(fundingCallFollows.userId, viewer.id), eq(fundingCallFollows.callId, call.id)));
      return call;
    });
  }

  private async existing(tx: Pick<Database, "select">, callId: string): Promise<FundingCallRow> {
    const [call] = isUuid(callId) ? await tx.select().from(fundingCalls).where(eq(fundingCalls.id, callId)) : [];
    if (!call) throw notFound("Funding call");
    return call;
  }
}
