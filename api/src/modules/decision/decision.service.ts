import {
  type Database,
  type DecisionRow,
  decisionOptions,
  decisionOutcomes,
  decisions,
  deliverables,
  type Executor,
  events,
  type NotificationRow,
  threads,
  votes,
} from "@pratica/db";
import { and, asc, count, desc, eq, lt, or, sql } from "drizzle-orm";
import { badInput, conflict, forbidden, notFound, unauthenticated } from "../../core/errors.js";
import type { EventBus } from "../../core/event-bus.js";
import { findById } from "../../core/find.js";
import { isUuid } from "../../core/ids.js";
import { decodeCursor, encodeCursor, keysetCursor, type Page, type PageArgs, pageSize } from "../../core/pagination.js";
import { unitOfWork } from "../../core/unit-of-work.js";
import { parseInput } from "../../core/validate.js";
import type { Viewer } from "../../core/viewer.js";
import type { Access } from "../community/community.access.js";
import { isFacilitator } from "../community/community.policy.js";
import type { CommunityService } from "../community/community.service.js";
import {
  deliverableLock,
  publishDeliverableEvents,
  type RecordedDeliverableEvent,
} from "../deliverable/deliverable.events.js";
import type { DeliverableService } from "../deliverable/deliverable.service.js";
import { moveStatus } from "../deliverable/document.service.js";
import type { DecisionKind, NotificationService } from "../notification/notification.service.js";
import { count as countBallots } from "./counting/index.js";
import { decisionLock } from "./decision.lock.js";
import { canCreateDecision, canSeeDecision, canSteer } from "./decision.policy.js";
import {
  createDecisionRules,
  publishOutcomeRules,
  settingsRules,
  stepRules,
  updateDecisionRules,
} from "./decision.rules.js";
import { publishDecision } from "./decision.topics.js";
import { CLOSING_MOVABLE, canStep, type DecisionStep, EDITABLE, STEPS } from "./decision.workflow.js";
import { electorate } from "./electorate.js";

export type LoadedDecision = { decision: DecisionRow; access: Access };

type Effects = {
  notifications?: NotificationRow[];
  changed?: boolean;
  voteCast?: boolean;
  documentEvents?: RecordedDeliverableEvent[];
};

/**
 * Decisions: who sees them, creating and editing drafts, the steps of their lifecycle (open,
 * close, cancel, publish an outcome), and the closing rule the scheduler applies. Votes are in
 * vote.service.ts; counting in counting/.
 */
export class DecisionService {
  constructor(
    private readonly db: Database,
    private readonly bus: EventBus,
    private readonly communities: CommunityService,
    private readonly deliverables: DeliverableService,
    private readonly notifications: NotificationService,
    readonly clock: () => Date,
  ) {}

  /** A decision the viewer may read (its community's read rule); else FORBIDDEN or UNAUTHENTICATED. */
  async visible(viewer: Viewer | null, decisionId: string, db: Executor = this.db): Promise<LoadedDecision> {
    const decision = await findById(db, decisions, decisionId, "Decision");
    return { decision, access: await this.readable(viewer, decision.communityId, db) };
  }

  async readable(viewer: Viewer | null, communityId: string, db: Executor = this.db): Promise<Access> {
    const access = await this.communities.access(viewer, communityId, db);
    if (!canSeeDecision(access))
      throw viewer ? forbidden("Only members of this community can see its decisions.") : unauthenticated();
    return access;
  }

  /**
   * One change to a decision as a unit of work: the decision's lock, a fresh read, the caller's
   * rules, the write; bus messages and notifications after the commit.
   */
  async mutate<T>(
    viewer: Viewer | null,
    decisionId: string,
    write: (tx: Executor, loaded: LoadedDecision & { viewer: Viewer }) => Promise<{ value: T } & Effects>,
    lockFirst?: (tx: Executor) => Promise<void>,
  ): Promise<T> {
    if (!viewer) throw unauthenticated();
    if (!isUuid(decisionId)) throw notFound("Decision");
    return unitOfWork(this.db, async ({ tx, lock, afterCommit }) => {
      await lockFirst?.(tx);
      const decision = await lock(decisionLock, decisionId);
      if (!decision) throw notFound("Decision");
      const access = await this.readable(viewer, decision.communityId, tx);
      const written = await write(tx, { decision, access, viewer });
      afterCommit(() => this.tell(decisionId, written));
      return written.value;
    });
  }

  tell(decisionId: string, effects: Effects) {
    publishDeliverableEvents(this.bus, effects.documentEvents ?? []);
    this.notifications.publish(effects.notifications ?? []);
    if (effects.changed) publishDecision(this.bus, decisionId, "DECISION_CHANGED");
    if (effects.voteCast) publishDecision(this.bus, decisionId, "VOTE_CAST");
  }

  /** Active members start a decision on their community, one of its threads or documents. */
  async create(viewer: Viewer | null, input: unknown): Promise<DecisionRow> {
    if (!viewer) throw unauthenticated("Log in to start a decision.");
    const now = this.clock();
    const d = parseInput(createDecisionRules(now), input);
    const communityId = await this.parentCommunity(viewer, d);
    return unitOfWork(this.db, async ({ tx, afterCommit }) => {
      const access = await this.communities.access(viewer, communityId, tx);
      if (!canCreateDecision(access)) throw forbidden("Only active members of this community can start a decision.");
      if (d.eventId !== undefined) await mustBeCommunityEvent(tx, d.eventId, communityId);
      const opens = d.open && (d.opensAt === null || d.opensAt <= now);
      const [decision] = await tx
        .insert(decisions)
        .values({
          communityId,
          threadId: d.threadId ?? null,
          deliverableId: d.deliverableId ?? null,
          eventId: d.eventId ?? null,
          authorId: viewer.id,
          title: d.title,
          context: d.context,
          kind: d.kind,
          electorate: d.electorate,
          state: opens ? "OPEN" : "DRAFT",
          opensAt: d.opensAt,
          closesAt: d.closesAt,
          openedAt: opens ? now : null,
          quorumPercent: d.quorumPercent,
          quorumMiss: d.quorumMiss,
          resultsVisibility: d.resultsVisibility,
          anonymous: d.anonymous,
          reasonRequired: d.reasonRequired,
          maxChoices: d.maxChoices,
          dotsPerVoter: d.dotsPerVoter,
          moveDeliverableTo: d.moveDeliverableTo,
        })
        .returning();
      if (!decision) throw new Error("decision not created");
      await insertOptions(tx, decision, d.options);
      const notifications = opens ? await this.announce(tx, decision, "DECISION_OPENED", viewer.id) : [];
      afterCommit(() => this.notifications.publish(notifications));
      return decision;
    });
  }

  /** A draft changes any setting; an open decision only its closing time. Anonymity is one-way. */
  update(viewer: Viewer | null, input: unknown): Promise<DecisionRow> {
    const { decisionId, expectedVersion, ...changes } = parseInput(updateDecisionRules, input);
    return this.mutate(viewer, decisionId, async (tx, { decision, access }) => {
      if (!canSteer(access, decision)) throw forbidden("Only the decision's author or a facilitator can edit it.");
      const given = Object.keys(changes).filter((k) => (changes as Record<string, unknown>)[k] !== undefined);
      const onlyClosing = given.every((k) => k === "closesAt");
      if (!(EDITABLE.includes(decision.state) || (onlyClosing && CLOSING_MOVABLE.includes(decision.state)))) {
        throw conflict(
          decision.state === "OPEN"
            ? "An open decision only changes its closing time."
            : `A ${decision.state.toLowerCase()} decision cannot change.`,
          current(decision),
        );
      }
      assertVersion(decision, expectedVersion);
      if (decision.anonymous && changes.anonymous === false) {
        throw badInput("anonymous", "An anonymous decision stays anonymous: its voters were promised it.");
      }
      const options = changes.options ?? (await optionsOf(tx, decision.id));
      const merged = { ...decision, ...definedOnly(changes) };
      parseInput(
        settingsRules(
          {
            kind: decision.kind,
            options: options.map((o) => ({
              label: o.label,
              startsAt: o.startsAt ?? undefined,
              endsAt: o.endsAt ?? undefined,
            })),
            opensAt: merged.opensAt,
            closesAt: merged.closesAt,
            maxChoices: merged.maxChoices,
            dotsPerVoter: merged.dotsPerVoter,
            moveDeliverableTo: merged.moveDeliverableTo,
            deliverableId: decision.deliverableId,
          },
          this.clock(),
        ),
        null,
      );
      const { options: newOptions, ...columns } = definedOnly(changes);
      const [updated] = await tx
        .update(decisions)
        .set({ ...columns, version: sql`${decisions.version} + 1`, updatedAt: new Date() })
        .where(eq(decisions.id, decision.id))
        .returning();
      if (newOptions) {
        await tx.delete(decisionOptions).where(eq(decisionOptions.decisionId, decision.id));
        await insertOptions(tx, decision, newOptions);
      }
      return { value: updated ?? decision, changed: true };
    });
  }

  /** Open, close early or cancel (decision.workflow.ts), by its author or a facilitator. */
  step(viewer: Viewer | null, input: unknown, step: Exclude<DecisionStep, "PUBLISH">): Promise<DecisionRow> {
    const { decisionId, expectedVersion } = parseInput(stepRules, input);
    return this.mutate(viewer, decisionId, async (tx, { decision, access, viewer }) => {
      mustSteer(access, decision);
      mustStep(decision, step);
      assertVersion(decision, expectedVersion);
      const now = this.clock();
      if (step === "OPEN") {
        if (decision.closesAt <= now)
          throw badInput("closesAt", "Its closing time has passed: move it before opening.");
        const value = await setState(tx, decision, { state: "OPEN", openedAt: now });
        return { value, changed: true, notifications: await this.announce(tx, value, "DECISION_OPENED", viewer.id) };
      }
      if (step === "CLOSE") {
        const met = await this.quorumMet(tx, decision);
        return {
          value: await setState(tx, decision, { state: "CLOSED", closedAt: now, quorumMet: met }),
          changed: true,
        };
      }
      return { value: await setState(tx, decision, { state: "CANCELLED", cancelledAt: now }), changed: true };
    });
  }

  /**
   * CLOSED → OUTCOME_PUBLISHED, or a new outcome over the last (the history keeps each). A
   * consent decision that passed and names `moveDeliverableTo` moves its document in the same
   * unit of work, through the deliverable module's own rule, by an editor of it or a facilitator.
   */
  async publishOutcome(viewer: Viewer | null, input: unknown): Promise<DecisionRow> {
    const { decisionId, expectedVersion, text } = parseInput(publishOutcomeRules, input);
    // The document is locked before the decision (LOCK_ORDER); which one is known before either lock.
    const [target] = isUuid(decisionId)
      ? await this.db.select({ id: decisions.deliverableId }).from(decisions).where(eq(decisions.id, decisionId))
      : [];
    return unitOfWork(this.db, async ({ tx, lock, afterCommit }) => {
      if (!viewer) throw unauthenticated();
      if (target?.id) await lock(deliverableLock, target.id);
      const decision = await lock(decisionLock, decisionId);
      if (!decision) throw notFound("Decision");
      const access = await this.readable(viewer, decision.communityId, tx);
      mustSteer(access, decision);
      mustStep(decision, "PUBLISH");
      assertVersion(decision, expectedVersion);
      const documentEvents = await this.moveDocument(tx, viewer, access, decision);
      const now = this.clock();
      await tx.insert(decisionOutcomes).values({ decisionId: decision.id, authorId: viewer.id, text });
      const value = await setState(tx, decision, {
        state: "OUTCOME_PUBLISHED",
        outcome: text,
        outcomePublishedAt: now,
      });
      const { people } = await electorate(tx, decision);
      const notifications = await this.notifications.forDecision(tx, {
        kind: "DECISION_OUTCOME",
        userIds: new Set([...people.map((p) => p.userId), decision.authorId]),
        actorId: viewer.id,
        communityId: decision.communityId,
        decisionId: decision.id,
        title: decision.title,
      });
      afterCommit(() => this.tell(decision.id, { notifications, changed: true, documentEvents }));
      return value;
    });
  }

  private async moveDocument(tx: Executor, viewer: Viewer, access: Access, d: DecisionRow) {
    if (d.kind !== "CONSENT" || !d.moveDeliverableTo || !d.deliverableId) return [];
    const ballots = await tx.select().from(votes).where(eq(votes.decisionId, d.id));
    const tally = countBallots(
      "CONSENT",
      [],
      ballots.map((b) => ({ voterId: b.voterId, choice: b.choice })),
    ).consent;
    if (!tally?.passed || d.quorumMet === false) return [];
    const { deliverable, access: docAccess } = await this.deliverables.visible(viewer, d.deliverableId, tx);
    if (deliverable.status === d.moveDeliverableTo) return [];
    if (!(docAccess.editor || isFacilitator(access.membership))) {
      throw forbidden("Only the document's editors or a facilitator can publish an outcome that moves the document.");
    }
    return (await moveStatus(tx, deliverable, viewer, d.moveDeliverableTo)).events;
  }

  /** Whether the decision reached its quorum with the ballots cast now (null: it has none). */
  async quorumMet(tx: Executor, d: DecisionRow): Promise<boolean | null> {
    if (d.quorumPercent === null) return null;
    const [{ size }, [cast]] = await Promise.all([
      electorate(tx, d),
      tx.select({ n: count() }).from(votes).where(eq(votes.decisionId, d.id)),
    ]);
    return size > 0 && (cast?.n ?? 0) * 100 >= d.quorumPercent * size;
  }

  /** Tells the electorate (DECISION_OPENED) or those who have not voted (DECISION_REMINDER). */
  async announce(tx: Executor, d: DecisionRow, kind: DecisionKind, actorId: string | null, onlyNonVoters = false) {
    const { people } = await electorate(tx, d);
    let told = people;
    if (onlyNonVoters) {
      const cast = await tx
        .select({ voterId: votes.voterId, organizationId: votes.organizationId })
        .from(votes)
        .where(eq(votes.decisionId, d.id));
      const voters = new Set(cast.map((v) => v.voterId));
      const orgs = new Set(cast.map((v) => v.organizationId));
      told = people.filter((p) => (p.organizationId ? !orgs.has(p.organizationId) : !voters.has(p.userId)));
    }
    return this.notifications.forDecision(tx, {
      kind,
      userIds: new Set(told.map((p) => p.userId)),
      actorId,
      communityId: d.communityId,
      decisionId: d.id,
      title: d.title,
    });
  }

  /** A community's decisions, soonest closing first within each state, newest first overall. */
  async list(access: Access, state: DecisionRow["state"] | null, args: PageArgs) {
    if (!canSeeDecision(access)) throw access.viewer ? forbidden() : unauthenticated();
    const size = pageSize(args.first);
    const after = decodeCursor(keysetCursor, args.after);
    const scope = and(eq(decisions.communityId, access.community.id), state ? eq(decisions.state, state) : undefined);
    const rows = await this.db
      .select()
      .from(decisions)
      .where(
        and(
          scope,
          after
            ? or(
                lt(decisions.createdAt, after.createdAt),
                and(eq(decisions.createdAt, after.createdAt), lt(decisions.id, after.id)),
              )
            : undefined,
        ),
      )
      .orderBy(desc(decisions.createdAt), desc(decisions.id))
      .limit(size + 1);
    const [total] = await this.db.select({ n: count() }).from(decisions).where(scope);
    const nodes = rows.slice(0, size);
    const page: Page<DecisionRow> = {
      nodes,
      cursors: nodes.map((d) => encodeCursor({ createdAt: d.createdAt, id: d.id })),
      hasNextPage: rows.length > size,
    };
    return { page, totalCount: total?.n ?? 0 };
  }

  private async parentCommunity(
    viewer: Viewer,
    d: { communityId?: string | undefined; threadId?: string | undefined; deliverableId?: string | undefined },
  ): Promise<string> {
    if (d.threadId !== undefined) {
      if (!isUuid(d.threadId)) throw badInput("threadId", "No such thread.");
      const [t] = await this.db
        .select({ communityId: threads.communityId })
        .from(threads)
        .where(eq(threads.id, d.threadId));
      if (!t) throw badInput("threadId", "No such thread.");
      return t.communityId;
    }
    if (d.deliverableId !== undefined) {
      if (!isUuid(d.deliverableId)) throw badInput("deliverableId", "No such document.");
      const [doc] = await this.db
        .select({ id: deliverables.id })
        .from(deliverables)
        .where(eq(deliverables.id, d.deliverableId));
      if (!doc) throw badInput("deliverableId", "No such document.");
      return (await this.deliverables.visible(viewer, doc.id)).deliverable.communityId;
    }
    if (!isUuid(d.communityId ?? "")) throw notFound("Community");
    return d.communityId as string;
  }
}

const current = (d: DecisionRow) => ({ state: d.state, version: d.version });

function assertVersion(d: DecisionRow, expected: number) {
  if (d.version !== expected) {
    throw conflict("Someone changed this decision meanwhile. Reload it and try again.", current(d));
  }
}

function mustSteer(access: Access, d: DecisionRow) {
  if (!canSteer(access, d)) throw forbidden("Only the decision's author or a facilitator can do this.");
}

function mustStep(d: DecisionRow, step: DecisionStep) {
  if (!canStep(d.state, step)) {
    throw conflict(`A ${d.state.toLowerCase()} decision cannot move to ${STEPS[step].to.toLowerCase()}.`, current(d));
  }
}

export async function setState(tx: Executor, d: DecisionRow, set: Partial<typeof decisions.$inferInsert>) {
  const [row] = await tx
    .update(decisions)
    .set({ ...set, version: sql`${decisions.version} + 1`, updatedAt: new Date() })
    .where(eq(decisions.id, d.id))
    .returning();
  if (!row) throw notFound("Decision");
  return row;
}

async function insertOptions(
  tx: Executor,
  d: DecisionRow,
  options: { label: string; startsAt?: Date | null | undefined; endsAt?: Date | null | undefined }[],
) {
  if (!options.length) return;
  await tx.insert(decisionOptions).values(
    options.map((o, i) => ({
      decisionId: d.id,
      communityId: d.communityId,
      position: i + 1,
      label: o.label,
      startsAt: d.kind === "TIME_POLL" ? (o.startsAt ?? null) : null,
      endsAt: d.kind === "TIME_POLL" ? (o.endsAt ?? null) : null,
    })),
  );
}

const optionsOf = (tx: Executor, decisionId: string) =>
  tx
    .select()
    .from(decisionOptions)
    .where(eq(decisionOptions.decisionId, decisionId))
    .orderBy(asc(decisionOptions.position));

async function mustBeCommunityEvent(tx: Executor, eventId: string, communityId: string) {
  const [e] = isUuid(eventId)
    ? await tx.select({ communityId: events.communityId }).from(events).where(eq(events.id, eventId))
    : [];
  if (!e || e.communityId !== communityId) throw badInput("eventId", "Link an event of the same community.");
}

function definedOnly<T extends object>(o: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as never;
}
