import { and, eq, inArray } from "drizzle-orm";
import type { Executor } from "../client.js";
import {
  buyerRequests,
  buyerRequestTransitions,
  certifications,
  cpvCodes,
  organizationMembers,
  organizations,
  supplierAnswers,
  supplierCpvCodes,
  supplierProfiles,
} from "../schema/index.js";

const DAY = 86_400_000;
/** Midnight UTC `days` from today: stable within a day. */
const day = (days: number, now = Date.now()) => new Date(Math.floor(now / DAY) * DAY + days * DAY);

type Seeded = typeof buyerRequests.$inferInsert;

/**
 * Three demo buyer requests (docs/buy-social-requests.md), by a public body and a company: an
 * OPEN one in Italian that a type B social cooperative's supplier profile matches (when the
 * suppliers' demo seeded one: its codes are used, else green-area maintenance), one AWARDED in
 * English with its outcome, and a DRAFT. Requests are written by people: one language each.
 * Idempotent: a request already seeded (its buyer and title) is left as it is.
 */
export async function seedDemoRequests(tx: Executor): Promise<number> {
  const orgs = new Map(
    (
      await tx
        .select({ id: organizations.id, slug: organizations.slug })
        .from(organizations)
        .where(
          inArray(organizations.slug, ["city-social-innovation", "verdemela-catering", "ponte-aperto-cooperative"]),
        )
    ).map((o) => [o.slug, o.id]),
  );
  const city = orgs.get("city-social-innovation");
  const company = orgs.get("verdemela-catering");
  if (!city || !company) return 0;
  const coop = await typeBCooperative(tx);
  const winner = coop?.organizationId ?? orgs.get("ponte-aperto-cooperative") ?? null;
  const known = async (codes: string[]) =>
    (await tx.select({ code: cpvCodes.code }).from(cpvCodes).where(inArray(cpvCodes.code, codes))).map((c) => c.code);

  const openCodes = coop?.codes.length ? coop.codes : await known(["77310000", "77313000"]);
  const requests: {
    row: Seeded;
    steps: NonNullable<Seeded["state"]>[];
    answer?: { organizationId: string; body: string };
  }[] = [
    {
      row: {
        organizationId: city,
        title: "Manutenzione del verde nei giardini di quartiere",
        description:
          "Cerchiamo una cooperativa che curi sfalcio, potature leggere e pulizia di sei giardini di quartiere, da aprile a ottobre, con inserimento lavorativo di persone svantaggiate.",
        cpvCodes: openCodes,
        wholeMetroArea: true,
        area: [],
        budgetBand: "FROM_40K_TO_140K",
        deadlineAt: day(30),
        preferredCertifications: ["SOCIAL_COOP_B"],
        state: "OPEN",
        openedAt: day(-2),
      },
      steps: ["DRAFT", "OPEN"],
    },
    {
      row: {
        organizationId: company,
        title: "Weekly canteen service for our staff",
        description: "Lunch for about 40 people, three days a week, with seasonal and local produce.",
        cpvCodes: await known(["55510000"]),
        area: ["001272"],
        budgetBand: "FROM_5K_TO_40K",
        deadlineAt: day(-20),
        preferredCertifications: ["SOCIAL_COOP_B", "B_CORP"],
        state: winner ? "AWARDED" : "CLOSED",
        openedAt: day(-45),
        awardedOrganizationId: winner,
        awardedAmount: winner ? 18_500 : null,
        awardedAt: winner ? day(-10) : null,
        closedAt: winner ? null : day(-10),
        outcomeNote: winner
          ? "Chosen for its menu of local produce and for the two trainees it takes on."
          : "No answer fitted the schedule.",
      },
      steps: winner ? ["DRAFT", "OPEN", "SHORTLISTING", "AWARDED"] : ["DRAFT", "OPEN", "CLOSED"],
      ...(winner
        ? {
            answer: {
              organizationId: winner,
              body: "We can serve lunch on Monday, Wednesday and Friday from our kitchen in Barriera di Milano.",
            },
          }
        : {}),
    },
    {
      row: {
        organizationId: city,
        title: "Reuse of office furniture from the old registry office",
        description: "Draft: collection, repair and donation of about 200 desks and chairs.",
        cpvCodes: await known(["39130000", "90510000"]),
        area: ["001272"],
        budgetBand: "UNDER_5K",
        deadlineAt: day(60),
        state: "DRAFT",
      },
      steps: ["DRAFT"],
    },
  ];

  let created = 0;
  for (const { row, steps, answer } of requests) {
    if (!row.cpvCodes?.length) continue;
    const [exists] = await tx
      .select({ id: buyerRequests.id })
      .from(buyerRequests)
      .where(and(eq(buyerRequests.organizationId, row.organizationId), eq(buyerRequests.title, row.title)));
    if (exists) continue;
    const [rep] = await tx
      .select({ id: organizationMembers.userId })
      .from(organizationMembers)
      .where(
        and(eq(organizationMembers.organizationId, row.organizationId), eq(organizationMembers.role, "REPRESENTATIVE")),
      )
      .limit(1);
    const [inserted] = await tx
      .insert(buyerRequests)
      .values({ ...row, authorId: rep?.id ?? null, version: steps.length })
      .returning({ id: buyerRequests.id });
    if (!inserted) continue;
    await tx.insert(buyerRequestTransitions).values(
      steps.map((to, i) => ({
        requestId: inserted.id,
        fromState: i === 0 ? null : (steps[i - 1] ?? null),
        toState: to,
        actorId: rep?.id ?? null,
      })),
    );
    if (answer) {
      await tx.insert(supplierAnswers).values({
        requestId: inserted.id,
        organizationId: answer.organizationId,
        body: answer.body,
        amount: 18_500,
        status: "AWARDED",
        version: 3,
      });
    }
    created++;
  }
  return created;
}

/** A published supplier profile of an organisation certified as a type B social cooperative, with its codes. */
async function typeBCooperative(tx: Executor): Promise<{ organizationId: string; codes: string[] } | null> {
  const [coop] = await tx
    .select({ organizationId: supplierProfiles.organizationId })
    .from(supplierProfiles)
    .innerJoin(certifications, eq(certifications.organizationId, supplierProfiles.organizationId))
    .where(and(eq(supplierProfiles.published, true), eq(certifications.kind, "SOCIAL_COOP_B")))
    .limit(1);
  if (!coop) return null;
  const codes = await tx
    .select({ code: supplierCpvCodes.cpvCode })
    .from(supplierCpvCodes)
    .where(eq(supplierCpvCodes.organizationId, coop.organizationId))
    .limit(3);
  return { organizationId: coop.organizationId, codes: codes.map((c) => c.code) };
}
