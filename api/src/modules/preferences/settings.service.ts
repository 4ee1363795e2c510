import { type Database, type UserRow, users } from "@pratica/db";
import { eq } from "drizzle-orm";
import { notFound, unauthenticated } from "../../core/errors.js";
import { unitOfWork } from "../../core/unit-of-work.js";
import { parseInput, withoutNulls } from "../../core/validate.js";
import type { Viewer } from "../../core/viewer.js";
import { canManagePreferences } from "./preferences.policy.js";
import { notificationSettingsRules } from "./preferences.rules.js";

export type NotificationSettings = Pick<UserRow, "emailDelivery" | "timeZone" | "digestHour" | "locale"> & {
  userId: string;
};

const settingsOf = (u: Pick<UserRow, "id" | "emailDelivery" | "timeZone" | "digestHour" | "locale">) => ({
  userId: u.id,
  emailDelivery: u.emailDelivery,
  timeZone: u.timeZone,
  digestHour: u.digestHour,
  locale: u.locale,
});

/** How notifications reach a member by email (in the app they always do), in which language and when. */
export class NotificationSettingsService {
  constructor(private readonly db: Database) {}

  /** A member's settings: their own only. */
  of(viewer: Viewer | null, user: UserRow): NotificationSettings | null {
    return canManagePreferences(viewer, user) ? settingsOf(user) : null;
  }

  /** Changes what is given; what is not stays. */
  async update(viewer: Viewer | null, input: unknown): Promise<NotificationSettings> {
    if (!viewer) throw unauthenticated("Log in to change your notification settings.");
    const changes = parseInput(notificationSettingsRules, withoutNulls((input ?? {}) as object));
    return unitOfWork(this.db, async ({ tx }) => {
      const [row] = Object.keys(changes).length
        ? await tx
            .update(users)
            .set({ ...changes, updatedAt: new Date() })
            .where(eq(users.id, viewer.id))
            .returning()
        : await tx.select().from(users).where(eq(users.id, viewer.id));
      if (!row) throw notFound("User");
      return settingsOf(row);
    });
  }
}
