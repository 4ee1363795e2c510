import { and, eq, inArray } from "drizzle-orm";
import type { Executor } from "../client.js";
import {
  communities,
  decisionOptions,
  decisionOutcomes,
  decisions,
  deliverables,
  organizations,
  users,
  votes,
} from "../schema/index.js";

const DAY = 86_400_000;

/**
 * Two decisions of op4impact (issue 17): an OPEN consent, one vote per organisation, on the pro
 * bono guidelines (in REVIEW; its outcome moves them to APPROVED), the lawyers' order having
 * voted; and a CLOSED poll on where the partners' assembly meets, its outcome published. Skipped
 * when the community has decisions already, or its people and document are missing.
 */
export async function seedDemoDecisions(tx: Executor): Promise<number> {
  const [community] = await tx
    .select({ id: communities.id })
    .from(communities)
    .where(eq(communities.slug, "op4impact"));
  if (!community) return 0;
  const [existing] = await tx
    .select({ id: decisions.id })
    .from(decisions)
    .where(eq(decisions.communityId, community.id))
    .limit(1);
  if (existing) return 0;
  const people = new Map(
    (
      await tx
        .select({ id: users.id, handle: users.handle })
        .from(users)
        .where(
          inArray(users.handle, ["facilitator-op4impact", "rep-lawyers", "rep-notaries", "rep-accountants", "member"]),
        )
    ).map((u) => [u.handle, u.id]),
  );
  const orgs = new Map(
    (
      await tx
        .select({ id: organizations.id, slug: organizations.slug })
        .from(organizations)
        .where(inArray(organizations.slug, ["order-lawyers", "order-notaries"]))
    ).map((o) => [o.slug, o.id]),
  );
  const [guidelines] = await tx
    .select({ id: deliverables.id, status: deliverables.status })
    .from(deliverables)
    .where(
      and(eq(deliverables.communityId, community.id), eq(deliverables.title, "Linee guida per il pro bono d'impatto")),
    );
  const facilitator = people.get("facilitator-op4impact");
  const lawyers = people.get("rep-lawyers");
  const lawyersOrder = orgs.get("order-lawyers");
  if (!facilitator || !lawyers || !lawyersOrder || guidelines?.status !== "REVIEW") return 0;
  const now = Date.now();
  let seeded = 0;

  const [consent] = await tx
    .insert(decisions)
    .values({
      communityId: community.id,
      deliverableId: guidelines.id,
      authorId: facilitator,
      title: "Approviamo le linee guida per il pro bono d'impatto?",
      context:
        "Le linee guida sono in revisione da una settimana. Con il consenso degli Ordini passano ad **approvate**; un blocco va motivato.\n\n*Do we approve the pro bono for impact guidelines? One vote per order.*",
      kind: "CONSENT",
      electorate: "ORGANIZATIONS",
      state: "OPEN",
      openedAt: new Date(now - 2 * DAY),
      closesAt: new Date(now + 7 * DAY),
      quorumPercent: 50,
      quorumMiss: "EXTEND_ONCE",
      reasonRequired: false,
      moveDeliverableTo: "APPROVED",
      createdAt: new Date(now - 2 * DAY),
    })
    .returning();
  if (consent) {
    await tx.insert(votes).values({
      decisionId: consent.id,
      communityId: community.id,
      voterId: lawyers,
      organizationId: lawyersOrder,
      choice: { consent: "AGREE" },
      reason: "Le abbiamo scritte insieme ai consulenti del lavoro: per noi sono pronte.",
      createdAt: new Date(now - DAY),
      updatedAt: new Date(now - DAY),
    });
    seeded++;
  }

  const [poll] = await tx
    .insert(decisions)
    .values({
      communityId: community.id,
      authorId: facilitator,
      title: "Dove ci riuniamo per l'assemblea dei partner?",
      context: "*Where should the partners' assembly meet?*",
      kind: "SINGLE_CHOICE",
      state: "OUTCOME_PUBLISHED",
      openedAt: new Date(now - 20 * DAY),
      closesAt: new Date(now - 13 * DAY),
      closedAt: new Date(now - 13 * DAY),
      outcome: "Ci riuniamo alla Camera di commercio di Torino. *We meet at the Turin Chamber of Commerce.*",
      outcomePublishedAt: new Date(now - 12 * DAY),
      version: 4,
      createdAt: new Date(now - 20 * DAY),
    })
    .returning();
  if (poll) {
    const options = await tx
      .insert(decisionOptions)
      .values(
        ["Camera di commercio di Torino", "Ordine degli avvocati", "Online"].map((label, i) => ({
          decisionId: poll.id,
          communityId: community.id,
          position: i + 1,
          label,
        })),
      )
      .returning();
    const voters = ["rep-lawyers", "rep-notaries", "rep-accountants", "member"]
      .map((h) => people.get(h))
      .filter((id): id is string => id !== undefined);
    const picks = [0, 0, 1, 0];
    await tx.insert(votes).values(
      voters.map((voterId, i) => ({
        decisionId: poll.id,
        communityId: community.id,
        voterId,
        choice: { optionIds: [options[picks[i] ?? 0]?.id as string] },
      })),
    );
    await tx.insert(decisionOutcomes).values({
      decisionId: poll.id,
      authorId: facilitator,
      text: poll.outcome ?? "",
      createdAt: new Date(now - 12 * DAY),
    });
    seeded++;
  }
  return seeded;
}
