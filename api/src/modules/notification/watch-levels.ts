import type { WatchRow } from "@pratica/db";

export type WatchLevel = WatchRow["level"];
export type WatchScope = WatchRow["scope"];

/** Why a level applies: an explicit choice on the thing itself, one inherited from its container, or a default. */
export type LevelSource = "EXPLICIT" | "COMMUNITY" | "DELIVERABLE" | "STARTED_OR_REPLIED" | "FACILITATOR" | "DEFAULT";

export type EffectiveLevel = { level: WatchLevel; source: LevelSource };

/** What a person's explicit rows say about one subject and its container (undefined: no row). */
export type ExplicitLevels = { own?: WatchLevel | undefined; container?: WatchLevel | undefined };

/**
 * A thread's level for one person: an explicit choice on the thread beats one on its community,
 * which beats the default — you watch a thread you started or replied to; otherwise NORMAL.
 */
export function threadLevel(explicit: ExplicitLevels, participated: boolean): EffectiveLevel {
  if (explicit.own) return { level: explicit.own, source: "EXPLICIT" };
  if (explicit.container) return { level: explicit.container, source: "COMMUNITY" };
  return participated ? { level: "WATCHING", source: "STARTED_OR_REPLIED" } : { level: "NORMAL", source: "DEFAULT" };
}

/** A document's level: its own choice, else the community's, else NORMAL (its editors hear of amendments anyway). */
export function deliverableLevel(explicit: ExplicitLevels): EffectiveLevel {
  if (explicit.own) return { level: explicit.own, source: "EXPLICIT" };
  if (explicit.container) return { level: explicit.container, source: "COMMUNITY" };
  return { level: "NORMAL", source: "DEFAULT" };
}

/** A community's level: the explicit choice, else facilitators watch their community's new threads. */
export function communityLevel(own: WatchLevel | undefined, facilitator: boolean): EffectiveLevel {
  if (own) return { level: own, source: "EXPLICIT" };
  return facilitator ? { level: "WATCHING", source: "FACILITATOR" } : { level: "NORMAL", source: "DEFAULT" };
}

/**
 * Why someone might hear of a write: `activity` is the write itself (every reply, every new
 * thread, every amendment), `personal` is about them (mentioned, their post quoted, their
 * proposal decided, an amendment to a document they edit).
 */
export type Reason = "activity" | "personal";

/**
 * WATCHING hears everything; TRACKING and NORMAL only what is about them (TRACKING differs in
 * what the thread lists count as unread, not in notifications); MUTED hears nothing, not even
 * mentions.
 */
export function hears(level: WatchLevel, reason: Reason): boolean {
  if (level === "MUTED") return false;
  if (level === "WATCHING") return true;
  return reason === "personal";
}
