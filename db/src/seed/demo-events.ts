import { eq, inArray } from "drizzle-orm";
import type { Executor } from "../client.js";
import {
  communities,
  deliverableEditors,
  deliverables,
  eventRegistrations,
  events,
  registrationTransitions,
  sectionRevisions,
  sections,
  users,
} from "../schema/index.js";

const DAY = 86_400_000;
const HOUR = 3_600_000;

/** A whole hour `days` from today (UTC midnight) at `hour` UTC: stable within a day, a whole millisecond. */
const at = (days: number, hour: number, now = Date.now()) =>
  new Date(Math.floor(now / DAY) * DAY + days * DAY + hour * HOUR);

const FULL_TITLE = "Impact measurement workshop";
const ONLINE_TITLE = "Online: the pro bono guidelines, chapter by chapter";
const PAST_TITLE = "Partners' assembly 2026";

/**
 * Three demo events of the op4impact community (docs/events.md): an in-person workshop in Turin,
 * small and FULL with a waiting list; an online session; and a past assembly with attendance
 * marked and its minutes, a short document co-written in English and Italian. Idempotent: an
 * event already seeded (by its title) is left as it is.
 */
export async function seedDemoEvents(tx: Executor): Promise<number> {
  const [community] = await tx
    .select({ id: communities.id })
    .from(communities)
    .where(eq(communities.slug, "op4impact"));
  if (!community) return 0;
  const handles = [
    "facilitator-op4impact",
    "member",
    "rep-accountants",
    "rep-notaries",
    "rep-lawyers",
    "rep-labour-consultants",
  ];
  const people = new Map(
    (await tx.select({ id: users.id, handle: users.handle }).from(users).where(inArray(users.handle, handles))).map(
      (u) => [u.handle, u.id],
    ),
  );
  const organizer = people.get("facilitator-op4impact");
  if (!organizer) return 0;
  const existing = new Set(
    (await tx.select({ title: events.title }).from(events).where(eq(events.communityId, community.id))).map(
      (e) => e.title,
    ),
  );
  const ids = (list: string[]) => list.map((h) => people.get(h)).filter((id): id is string => id !== undefined);
  let created = 0;

  const register = async (eventId: string, userIds: string[], status: "CONFIRMED" | "WAITLISTED" | "ATTENDED") => {
    for (const userId of userIds) {
      const [r] = await tx
        .insert(eventRegistrations)
        .values({ eventId, userId, status: status === "ATTENDED" ? "ATTENDED" : status })
        .returning();
      if (!r) continue;
      await tx.insert(registrationTransitions).values(
        status === "ATTENDED"
          ? [
              { registrationId: r.id, fromStatus: null, toStatus: "CONFIRMED", actorId: userId },
              { registrationId: r.id, fromStatus: "CONFIRMED", toStatus: "ATTENDED", actorId: organizer },
            ]
          : [{ registrationId: r.id, fromStatus: null, toStatus: status, actorId: userId }],
      );
    }
  };

  if (!existing.has(FULL_TITLE)) {
    const [e] = await tx
      .insert(events)
      .values({
        communityId: community.id,
        organizerId: organizer,
        title: FULL_TITLE,
        titleIt: "Laboratorio sulla misurazione dell'impatto",
        description:
          "A hands-on morning on measuring the social impact of pro bono work, with case studies from the partners.",
        descriptionIt:
          "Una mattina pratica sulla misurazione dell'impatto sociale del lavoro pro bono, con casi di studio dei partner.",
        mode: "IN_PERSON",
        placeName: "Toolbox Coworking",
        address: "Via Agostino da Montefeltro 2, 10134 Torino",
        latitude: 45.0497,
        longitude: 7.6623,
        startsAt: at(10, 8),
        endsAt: at(10, 12),
        capacity: 3,
      })
      .returning();
    if (e) {
      await register(e.id, ids(["rep-accountants", "rep-notaries", "rep-lawyers"]), "CONFIRMED");
      await register(e.id, ids(["rep-labour-consultants"]), "WAITLISTED");
      created++;
    }
  }

  if (!existing.has(ONLINE_TITLE)) {
    const [e] = await tx
      .insert(events)
      .values({
        communityId: community.id,
        organizerId: organizer,
        title: ONLINE_TITLE,
        titleIt: "Online: le linee guida pro bono, capitolo per capitolo",
        description: "We read the draft guidelines together before the vote.",
        descriptionIt: "Leggiamo insieme la bozza delle linee guida prima del voto.",
        mode: "ONLINE",
        onlineUrl: "https://meet.pratica.local/pro-bono-guidelines",
        startsAt: at(20, 16),
        endsAt: at(20, 17),
      })
      .returning();
    if (e) {
      await register(e.id, ids(["rep-accountants", "rep-lawyers"]), "CONFIRMED");
      created++;
    }
  }

  if (!existing.has(PAST_TITLE)) {
    const [doc] = await tx
      .insert(deliverables)
      .values({
        communityId: community.id,
        creatorId: organizer,
        title: `Minutes — ${PAST_TITLE}`,
        summary: "What the partners agreed at the assembly. / Cosa hanno concordato i partner all'assemblea.",
        status: "PUBLISHED",
      })
      .returning();
    const coAuthor = people.get("rep-notaries") ?? organizer;
    const [e] = await tx
      .insert(events)
      .values({
        communityId: community.id,
        organizerId: organizer,
        title: PAST_TITLE,
        titleIt: "Assemblea dei partner 2026",
        description: "The yearly assembly of the memorandum's partners.",
        descriptionIt: "L'assemblea annuale dei partner del protocollo.",
        mode: "HYBRID",
        placeName: "Camera di commercio di Torino",
        address: "Via Carlo Alberto 16, 10123 Torino",
        latitude: 45.0672,
        longitude: 7.6845,
        onlineUrl: "https://meet.pratica.local/assembly-2026",
        startsAt: at(-14, 14),
        endsAt: at(-14, 17),
        minutesDeliverableId: doc?.id ?? null,
        reminderSentAt: at(-15, 14),
      })
      .returning();
    if (e) {
      await register(e.id, ids(["rep-accountants", "rep-notaries", "rep-lawyers", "member"]), "ATTENDED");
      created++;
    }
    if (doc) {
      await tx.insert(deliverableEditors).values(
        [...new Set([organizer, coAuthor])].map((userId) => ({
          deliverableId: doc.id,
          communityId: community.id,
          userId,
          addedBy: organizer,
        })),
      );
      const outline = [
        {
          heading: "Decisions",
          body: "The partners approved the work plan for the year and agreed to vote on the pro bono guidelines as organisations.",
          author: organizer,
        },
        {
          heading: "Decisioni",
          body: "I partner hanno approvato il piano di lavoro dell'anno e concordato di votare le linee guida pro bono come organizzazioni.",
          author: coAuthor,
        },
      ];
      for (const [i, s] of outline.entries()) {
        const [row] = await tx
          .insert(sections)
          .values({
            deliverableId: doc.id,
            communityId: community.id,
            position: i + 1,
            heading: s.heading,
            body: s.body,
          })
          .returning();
        if (row)
          await tx.insert(sectionRevisions).values({
            sectionId: row.id,
            deliverableId: doc.id,
            communityId: community.id,
            version: 1,
            heading: s.heading,
            body: s.body,
            authorId: s.author,
            editorId: s.author,
          });
      }
    }
  }
  return created;
}
