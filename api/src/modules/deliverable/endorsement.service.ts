import { type EndorsementRow, type Executor, endorsements, organizationMembers, organizations } from "@pratica/db";
import { and, eq, isNull } from "drizzle-orm";
import { conflict, forbidden, notFound } from "../../core/errors.js";
import { isUuid } from "../../core/ids.js";
import { parseInput } from "../../core/validate.js";
import type { Viewer } from "../../core/viewer.js";
import { recordDeliverableEvent } from "./deliverable.events.js";
import { actsAsPartner, canActFor, canBeEndorsed } from "./deliverable.policy.js";
import { endorseRules } from "./deliverable.rules.js";
import type { DeliverableService } from "./deliverable.service.js";

/**
 * Endorsements: once a document is published, the representative of a partner organisation
 * endorses it on that organisation's behalf, once per organisation; the same organisation may
 * withdraw it. Withdrawn endorsements stay as history; the signatories are the live ones.
 */
export class EndorsementService {
  constructor(private readonly deliverables: DeliverableService) {}

  endorse(viewer: Viewer | null, input: unknown): Promise<EndorsementRow> {
    const { deliverableId, organizationId, statement } = parseInput(endorseRules, input);
    return this.deliverables.mutate(viewer, deliverableId, async (tx, { deliverable, viewer }) => {
      const organization = await assertRepresentative(tx, viewer, organizationId);
      if (!actsAsPartner(organization)) {
        throw conflict("A former partner can no longer endorse documents.", { withdrawnOn: organization.withdrawnOn });
      }
      if (!canBeEndorsed(deliverable)) {
        throw conflict("Only a published document can be endorsed.", { status: deliverable.status });
      }
      const existing = await liveOf(tx, deliverable.id, organizationId);
      if (existing)
        throw conflict("This organisation has already endorsed the document.", { endorsementId: existing.id });
      const [endorsement] = await tx
        .insert(endorsements)
        .values({
          deliverableId: deliverable.id,
          communityId: deliverable.communityId,
          organizationId,
          endorserId: viewer.id,
          statement: statement || null,
        })
        .returning();
      if (!endorsement) throw new Error("endorsement not created");
      const event = await recordDeliverableEvent(tx, {
        deliverableId: deliverable.id,
        communityId: deliverable.communityId,
        type: "ENDORSED",
        subjectId: endorsement.id,
        actorId: viewer.id,
      });
      return { value: endorsement, events: [event] };
    });
  }

  withdraw(viewer: Viewer | null, input: unknown): Promise<EndorsementRow> {
    const { deliverableId, organizationId } = parseInput(endorseRules, input);
    return this.deliverables.mutate(viewer, deliverableId, async (tx, { deliverable, viewer }) => {
      await assertRepresentative(tx, viewer, organizationId);
      const existing = await liveOf(tx, deliverable.id, organizationId);
      if (!existing) throw notFound("Endorsement");
      const [withdrawn] = await tx
        .update(endorsements)
        .set({ withdrawnAt: new Date(), withdrawnBy: viewer.id })
        .where(eq(endorsements.id, existing.id))
        .returning();
      const event = await recordDeliverableEvent(tx, {
        deliverableId: deliverable.id,
        communityId: deliverable.communityId,
        type: "ENDORSEMENT_WITHDRAWN",
        subjectId: existing.id,
        actorId: viewer.id,
      });
      return { value: withdrawn ?? existing, events: [event] };
    });
  }
}

/** Only a representative speaks for an organisation. */
async function assertRepresentative(tx: Executor, viewer: Viewer, organizationId: string) {
  const [organization] = isUuid(organizationId)
    ? await tx.select().from(organizations).where(eq(organizations.id, organizationId)).limit(1)
    : [];
  if (!organization) throw notFound("Organization");
  const [membership] = await tx
    .select({ role: organizationMembers.role })
    .from(organizationMembers)
    .where(and(eq(organizationMembers.organizationId, organizationId), eq(organizationMembers.userId, viewer.id)))
    .limit(1);
  if (!canActFor(membership)) {
    throw forbidden(`Only a representative of ${organization.name} can act on its behalf.`);
  }
  return organization;
}

const liveOf = async (tx: Executor, deliverableId: string, organizationId: string) =>
  (
    await tx
      .select()
      .from(endorsements)
      .where(
        and(
          eq(endorsements.deliverableId, deliverableId),
          eq(endorsements.organizationId, organizationId),
          isNull(endorsements.withdrawnAt),
        ),
      )
      .limit(1)
  )[0];
