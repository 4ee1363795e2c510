import { randomUUID } from "node:crypto";
import {
  amendments,
  type Database,
  deliverableComments,
  deliverableEditors,
  deliverables,
  endorsements,
  learningPathProgress,
  learningPathSteps,
  learningPaths,
  notifications,
  organizationMembers,
  organizations,
  postRevisions,
  reactions,
  resourceBookmarks,
  resourceDecisions,
  resourceVotes,
  sectionRevisions,
  sections,
  watches,
} from "@pratica/db";
import {
  addMember,
  buildCommunity,
  buildPost,
  buildResource,
  buildThread,
  buildUser,
  type TestUser,
} from "../factories.js";

const one = <T>(rows: T[]): T => {
  const [row] = rows;
  if (!row) throw new Error("row not created");
  return row;
};

/**
 * A member who has done a bit of everything, beside a co-member who replied to them and
 * notified them: what the export must hold and the deletion must erase or keep.
 */
export async function memberWhoDidEverything(db: Database) {
  const community = await buildCommunity(db);
  const member = await buildUser(db, { bio: "I work on circular procurement." });
  const other = await buildUser(db);
  const facilitator = await buildUser(db);
  await addMember(db, community, member);
  await addMember(db, community, other);
  await addMember(db, community, facilitator, "FACILITATOR");
  const organization = one(
    await db
      .insert(organizations)
      .values({ slug: `org-${randomUUID().slice(0, 8)}`, name: "Ordine di prova", category: "PROFESSIONAL_ORDERS" })
      .returning(),
  );
  await db
    .insert(organizationMembers)
    .values({ organizationId: organization.id, userId: member.id, role: "REPRESENTATIVE" });
  const thread = await buildThread(db, community, member, { title: "My thread", body: "My opening words" });
  const post = await buildPost(db, thread, member, "My reply, edited");
  await db
    .insert(postRevisions)
    .values({ postId: post.id, communityId: community.id, editorId: member.id, body: "My reply, first draft" });
  const othersPost = await buildPost(db, thread, other, "Someone else's reply");
  await db
    .insert(reactions)
    .values({ postId: othersPost.id, userId: member.id, kind: "LIKE", communityId: community.id });
  const resource = await buildResource(db, community, member, { title: "My proposal" });
  const othersResource = await buildResource(db, community, other, { status: "PUBLISHED" });
  // As if they had curated once (a facilitator's decision on someone else's proposal).
  await db.insert(resourceDecisions).values({
    resourceId: othersResource.id,
    communityId: community.id,
    actorId: member.id,
    decision: "PUBLISH",
    fromStatus: "PROPOSED",
    toStatus: "PUBLISHED",
  });
  await db
    .insert(resourceVotes)
    .values({ userId: member.id, resourceId: othersResource.id, communityId: community.id });
  await db
    .insert(resourceBookmarks)
    .values({ userId: member.id, resourceId: othersResource.id, communityId: community.id });
  const path = one(
    await db
      .insert(learningPaths)
      .values({ communityId: community.id, creatorId: member.id, title: "My path" })
      .returning(),
  );
  const step = one(
    await db
      .insert(learningPathSteps)
      .values({ pathId: path.id, communityId: community.id, resourceId: othersResource.id, position: 1 })
      .returning(),
  );
  await db
    .insert(learningPathProgress)
    .values({ userId: member.id, stepId: step.id, pathId: path.id, communityId: community.id });
  const deliverable = one(
    await db
      .insert(deliverables)
      .values({ communityId: community.id, creatorId: member.id, title: "My manifesto" })
      .returning(),
  );
  await db
    .insert(deliverableEditors)
    .values({ deliverableId: deliverable.id, userId: member.id, communityId: community.id });
  const section = one(
    await db
      .insert(sections)
      .values({
        deliverableId: deliverable.id,
        communityId: community.id,
        position: 1,
        heading: "Intro",
        body: "My words",
      })
      .returning(),
  );
  await db.insert(sectionRevisions).values({
    sectionId: section.id,
    deliverableId: deliverable.id,
    communityId: community.id,
    version: 1,
    heading: "Intro",
    body: "My words",
    authorId: member.id,
    editorId: member.id,
  });
  await db.insert(amendments).values({
    sectionId: section.id,
    deliverableId: deliverable.id,
    communityId: community.id,
    proposerId: member.id,
    body: "Better words",
    rationale: "Clearer",
    baseVersion: 1,
  });
  await db.insert(deliverableComments).values({
    deliverableId: deliverable.id,
    communityId: community.id,
    sectionId: section.id,
    authorId: member.id,
    body: "My comment",
  });
  await db.insert(endorsements).values({
    deliverableId: deliverable.id,
    communityId: community.id,
    organizationId: organization.id,
    endorserId: member.id,
    statement: "We endorse it",
  });
  await db.insert(notifications).values({
    userId: member.id,
    kind: "REPLY_TO_THREAD",
    actorId: other.id,
    communityId: community.id,
    threadId: thread.id,
    postId: othersPost.id,
    excerpt: "Someone else's reply",
  });
  await db.insert(watches).values({ userId: member.id, scope: "THREAD", scopeId: thread.id, level: "WATCHING" });
  return { community, member, other, facilitator, organization, thread, post, othersPost, resource, path, deliverable };
}

export type Cast = Awaited<ReturnType<typeof memberWhoDidEverything>>;
export type { TestUser };
export { buildUser };
