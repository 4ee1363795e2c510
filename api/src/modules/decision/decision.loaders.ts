import { type Database, type DecisionRow, decisionOptions, decisionOutcomes, decisions, votes } from "@pratica/db";
import { asc, desc, inArray } from "drizzle-orm";
import { groupedLoader, keyedLoader } from "../../core/loader.js";
import { electorate } from "./electorate.js";

/** One query per kind of row for a whole page of decisions (never one per decision). */
export const decisionLoaders = (db: Database) => ({
  decisionById: keyedLoader(
    (ids: readonly string[]) =>
      db
        .select()
        .from(decisions)
        .where(inArray(decisions.id, [...ids])),
    (d) => d.id,
  ),
  decisionOptionsByDecision: groupedLoader(
    (ids: readonly string[]) =>
      db
        .select()
        .from(decisionOptions)
        .where(inArray(decisionOptions.decisionId, [...ids]))
        .orderBy(asc(decisionOptions.position)),
    (o) => o.decisionId,
  ),
  decisionVotesByDecision: groupedLoader(
    (ids: readonly string[]) =>
      db
        .select()
        .from(votes)
        .where(inArray(votes.decisionId, [...ids]))
        .orderBy(asc(votes.createdAt), asc(votes.id)),
    (v) => v.decisionId,
  ),
  decisionOutcomesByDecision: groupedLoader(
    (ids: readonly string[]) =>
      db
        .select()
        .from(decisionOutcomes)
        .where(inArray(decisionOutcomes.decisionId, [...ids]))
        .orderBy(asc(decisionOutcomes.createdAt), asc(decisionOutcomes.id)),
    (o) => o.decisionId,
  ),
  decisionsByThread: groupedLoader(
    (ids: readonly string[]) =>
      db
        .select()
        .from(decisions)
        .where(inArray(decisions.threadId, [...ids]))
        .orderBy(desc(decisions.createdAt)),
    (d) => d.threadId as string,
  ),
  decisionsByDeliverable: groupedLoader(
    (ids: readonly string[]) =>
      db
        .select()
        .from(decisions)
        .where(inArray(decisions.deliverableId, [...ids]))
        .orderBy(desc(decisions.createdAt)),
    (d) => d.deliverableId as string,
  ),
  decisionsByEvent: groupedLoader(
    (ids: readonly string[]) =>
      db
        .select()
        .from(decisions)
        .where(inArray(decisions.eventId, [...ids]))
        .orderBy(desc(decisions.createdAt)),
    (d) => d.eventId as string,
  ),
  /** The electorate's size, per community and electorate ("<communityId>:<electorate>"). */
  decisionElectorateSize: keyedLoader(
    async (keys: readonly string[]) =>
      Promise.all(
        keys.map(async (key) => {
          const [communityId, kind] = key.split(":") as [string, DecisionRow["electorate"]];
          return { key, size: (await electorate(db, { communityId, electorate: kind })).size };
        }),
      ),
    (r) => r.key,
  ),
});
