import { eq, inArray } from "drizzle-orm";
import type { Executor } from "../client.js";
import {
  amendments,
  communities,
  deliverableAuthors,
  deliverableComments,
  deliverableEditors,
  deliverableEvents,
  deliverables,
  endorsements,
  organizations,
  sectionRevisions,
  sections,
  users,
} from "../schema/index.js";
import {
  type AmendmentSeed,
  type DeliverableSeed,
  deliverables as deliverableSeeds,
  type SectionSeed,
  type When,
} from "./data/deliverables.js";

const DAY = 86_400_000;

/**
 * "<days ago>d <HH:MM>" as a Date: that many days (at least one) before today (UTC) at that
 * time, so every seeded moment is in the past and a whole millisecond.
 */
export function whenToDate(when: When, now = Date.now()): Date {
  const match = /^(\d+)d (\d{1,2}):(\d{2})$/.exec(when);
  const [, days = 0, hours = 24, minutes = 60] = (match ?? []).map(Number);
  if (days < 1 || hours > 23 || minutes > 59) throw new Error(`Bad seed time "${when}"`);
  const today = Math.floor(now / DAY) * DAY;
  return new Date(today - days * DAY + hours * 3_600_000 + minutes * 60_000);
}

type ResolvedRevision = { body: string; author: string; editor: string; at: When; amendment: AmendmentSeed | null };

/** A section's versions 1..N with accepted amendments expanded into their words, proposer and decider. */
export function resolveRevisions(section: SectionSeed): ResolvedRevision[] {
  return section.revisions.map((r) => {
    if (!("amendment" in r))
      return { body: r.body, author: r.author, editor: r.editor ?? r.author, at: r.at, amendment: null };
    const amendment = section.amendments?.find((a) => a.key === r.amendment);
    if (amendment?.decision?.status !== "ACCEPTED")
      throw new Error(`Revision of "${section.heading}" names "${r.amendment}", which is not an accepted amendment`);
    return {
      body: amendment.body,
      author: amendment.proposer,
      editor: amendment.decision.by,
      at: amendment.decision.at,
      amendment,
    };
  });
}

/** Every demo account and organisation a deliverable's story needs. */
export function peopleOf(seed: DeliverableSeed): { handles: string[]; organizations: string[] } {
  const handles = new Set([seed.creator, ...seed.editors]);
  for (const s of seed.statusChanges) handles.add(s.by);
  for (const r of seed.reorders ?? []) handles.add(r.by);
  for (const e of seed.endorsements ?? []) handles.add(e.endorser);
  for (const section of seed.sections) {
    for (const r of resolveRevisions(section)) handles.add(r.author).add(r.editor);
    for (const a of section.amendments ?? []) {
      handles.add(a.proposer);
      if (a.decision) handles.add(a.decision.by);
    }
    for (const c of section.comments ?? []) {
      handles.add(c.author);
      for (const reply of c.replies ?? []) handles.add(reply.author);
      if (c.resolved) handles.add(c.resolved.by);
    }
  }
  const orgs = new Set([...seed.authors, ...(seed.endorsements ?? []).map((e) => e.organization)]);
  return { handles: [...handles], organizations: [...orgs] };
}

/**
 * Demo co-authored deliverables with their history. A community that already has a deliverable
 * is left as it is; a deliverable whose people or organisations are missing is skipped.
 */
export async function seedDemoDeliverables(tx: Executor): Promise<number> {
  const needs = deliverableSeeds.map(peopleOf);
  const handles = [...new Set(needs.flatMap((n) => n.handles))];
  const orgSlugs = [...new Set(needs.flatMap((n) => n.organizations))];
  const userId = new Map(
    (await tx.select({ id: users.id, handle: users.handle }).from(users).where(inArray(users.handle, handles))).map(
      (u) => [u.handle, u.id],
    ),
  );
  const orgId = new Map(
    (
      await tx
        .select({ id: organizations.id, slug: organizations.slug })
        .from(organizations)
        .where(inArray(organizations.slug, orgSlugs))
    ).map((o) => [o.slug, o.id]),
  );
  const communityId = new Map(
    (await tx.select({ id: communities.id, slug: communities.slug }).from(communities)).map((c) => [c.slug, c.id]),
  );
  const stocked = new Set(
    (await tx.selectDistinct({ communityId: deliverables.communityId }).from(deliverables)).map((d) => d.communityId),
  );

  let seeded = 0;
  const now = Date.now();
  for (const [i, seed] of deliverableSeeds.entries()) {
    const cid = communityId.get(seed.community);
    const need = needs[i];
    if (!cid || stocked.has(cid) || !need) continue;
    if (!need.handles.every((h) => userId.has(h)) || !need.organizations.every((o) => orgId.has(o))) continue;
    await insertDeliverable(tx, seed, {
      communityId: cid,
      user: (handle) => userId.get(handle) as string,
      org: (slug) => orgId.get(slug) as string,
      at: (when) => whenToDate(when, now),
    });
    seeded++;
  }
  return seeded;
}

type Context = {
  communityId: string;
  user: (handle: string) => string;
  org: (slug: string) => string;
  at: (when: When) => Date;
};

type EventRow = Omit<typeof deliverableEvents.$inferInsert, "deliverableId"> & { createdAt: Date };

async function insertDeliverable(tx: Executor, seed: DeliverableSeed, ctx: Context): Promise<void> {
  const { communityId, user, org, at } = ctx;
  const created = at(seed.at);
  const published = seed.statusChanges.find((s) => s.to === "PUBLISHED");
  const events: EventRow[] = [];
  const event = (when: When, type: EventRow["type"], actor: string, subjectId: string | null = null) =>
    events.push({ communityId, type, subjectId, actorId: user(actor), createdAt: at(when) });

  const [deliverable] = await tx
    .insert(deliverables)
    .values({
      communityId,
      creatorId: user(seed.creator),
      title: seed.title,
      summary: seed.summary,
      status: seed.statusChanges.at(-1)?.to ?? "DRAFT",
      // Bumped by every outline or status change (schema/deliverables.ts).
      version: 1 + seed.statusChanges.length + (seed.reorders?.length ?? 0),
      publishedAt: published ? at(published.at) : null,
      createdAt: created,
      updatedAt: created,
    })
    .returning({ id: deliverables.id });
  if (!deliverable) return;
  const deliverableId = deliverable.id;
  const scoped = { deliverableId, communityId };

  await tx.insert(deliverableEditors).values(
    seed.editors.map((handle, i) => ({
      ...scoped,
      userId: user(handle),
      addedBy: i === 0 ? null : user(seed.creator),
      createdAt: new Date(created.getTime() + i * 60_000),
    })),
  );
  await tx
    .insert(deliverableAuthors)
    .values(seed.authors.map((slug) => ({ ...scoped, organizationId: org(slug), createdAt: created })));

  for (const [position, section] of seed.sections.entries()) {
    const revisions = resolveRevisions(section);
    const last = revisions.at(-1);
    if (!last) continue;
    const [row] = await tx
      .insert(sections)
      .values({
        ...scoped,
        position: position + 1,
        heading: section.heading,
        body: last.body,
        version: revisions.length,
        createdAt: created,
        updatedAt: at(last.at),
      })
      .returning({ id: sections.id });
    if (!row) continue;
    const sectionId = row.id;

    const amendmentId = new Map<string, string>();
    for (const a of section.amendments ?? []) {
      const [inserted] = await tx
        .insert(amendments)
        .values({
          ...scoped,
          sectionId,
          proposerId: user(a.proposer),
          body: a.body,
          rationale: a.rationale,
          baseVersion: a.baseVersion,
          status: a.decision?.status ?? "OPEN",
          deciderId: a.decision ? user(a.decision.by) : null,
          decisionReason: a.decision?.reason ?? null,
          decidedAt: a.decision ? at(a.decision.at) : null,
          createdAt: at(a.at),
        })
        .returning({ id: amendments.id });
      if (!inserted) continue;
      amendmentId.set(a.key, inserted.id);
      event(a.at, "AMENDMENT_PROPOSED", a.proposer, inserted.id);
      // An accepted amendment's decision is recorded after the revision it creates (below).
      if (a.decision && a.decision.status !== "ACCEPTED")
        event(a.decision.at, "AMENDMENT_DECIDED", a.decision.by, inserted.id);
    }

    for (const [i, r] of revisions.entries()) {
      const [revision] = await tx
        .insert(sectionRevisions)
        .values({
          ...scoped,
          sectionId,
          version: i + 1,
          heading: section.heading,
          body: r.body,
          authorId: user(r.author),
          editorId: user(r.editor),
          amendmentId: r.amendment ? (amendmentId.get(r.amendment.key) ?? null) : null,
          createdAt: at(r.at),
        })
        .returning({ id: sectionRevisions.id });
      if (!revision) continue;
      event(r.at, "SECTION_UPDATED", r.editor, revision.id);
      const accepted = r.amendment && amendmentId.get(r.amendment.key);
      if (accepted) event(r.at, "AMENDMENT_DECIDED", r.editor, accepted);
    }

    for (const c of section.comments ?? []) {
      const target = c.amendment
        ? { sectionId: null, amendmentId: amendmentId.get(c.amendment) ?? null }
        : { sectionId, amendmentId: null };
      const [root] = await tx
        .insert(deliverableComments)
        .values({
          ...scoped,
          ...target,
          authorId: user(c.author),
          body: c.body,
          quote: c.quote ?? null,
          resolvedAt: c.resolved ? at(c.resolved.at) : null,
          resolvedBy: c.resolved ? user(c.resolved.by) : null,
          createdAt: at(c.at),
        })
        .returning({ id: deliverableComments.id });
      if (!root) continue;
      event(c.at, "COMMENT_ADDED", c.author, root.id);
      for (const reply of c.replies ?? []) {
        const [row] = await tx
          .insert(deliverableComments)
          .values({
            ...scoped,
            ...target,
            parentId: root.id,
            authorId: user(reply.author),
            body: reply.body,
            createdAt: at(reply.at),
          })
          .returning({ id: deliverableComments.id });
        if (row) event(reply.at, "COMMENT_ADDED", reply.author, row.id);
      }
      if (c.resolved) event(c.resolved.at, "COMMENT_RESOLVED", c.resolved.by, root.id);
    }
  }

  for (const e of seed.endorsements ?? []) {
    const [row] = await tx
      .insert(endorsements)
      .values({
        ...scoped,
        organizationId: org(e.organization),
        endorserId: user(e.endorser),
        statement: e.statement,
        createdAt: at(e.at),
      })
      .returning({ id: endorsements.id });
    if (row) event(e.at, "ENDORSED", e.endorser, row.id);
  }
  for (const r of seed.reorders ?? []) event(r.at, "SECTIONS_REORDERED", r.by);
  for (const s of seed.statusChanges) event(s.at, "STATUS_CHANGED", s.by);

  // The id is the replay cursor: rows go in in the order things happened (a stable sort keeps
  // a revision before the decision of the amendment it came from).
  events.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  if (events.length) await tx.insert(deliverableEvents).values(events.map((e) => ({ ...e, deliverableId })));
  const lastActivity = events.at(-1)?.createdAt ?? created;
  await tx.update(deliverables).set({ updatedAt: lastActivity }).where(eq(deliverables.id, deliverableId));
}
