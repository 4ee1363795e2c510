import type { CommunityRow, OrganizationRow } from "@pratica/db";
import { type GqlResult, gql } from "../client.js";
import { addMember, buildCommunity, buildUser, type TestUser } from "../factories.js";
import { buildPartner, link, tagged } from "../partners/support.js";
import type { TestServer } from "../server.js";

/** "Now" for decisions in these tests (the scheduler's clock and "closing in the future"). */
export const NOW = new Date("2026-06-01T10:00:00.000Z");
export const inHours = (h: number, from = NOW) => new Date(from.getTime() + h * 3_600_000);

export const DECISION_FIELDS = `id state kind electorate version closesAt extendedAt quorumMet outcome anonymous
  options { id label } outcomeHistory { text }
  participation { voted eligible percent }
  results { kind ballots leadingOptionId totals { optionId count percent mean median dots voterIds }
    consent { agree abstain disagree block blocked passed } senseCheck { agree unsure disagree }
    ranked { winnerId rounds { eliminatedId exhausted tallies { optionId votes } } } }
  votes { voter { id } organization { id } consent optionIds reason }
  viewerVote { voter { id } organization { id } consent optionIds reason }
  viewerVotesFor { id }
  viewerCanVote viewerCanEdit viewerCanOpen viewerCanClose viewerCanCancel viewerCanPublishOutcome`;

export const CREATE = `mutation($i: CreateDecisionInput!) { createDecision(input: $i) { ${DECISION_FIELDS} } }`;
export const UPDATE = `mutation($i: UpdateDecisionInput!) { updateDecision(input: $i) { ${DECISION_FIELDS} } }`;
export const OPEN = `mutation($i: DecisionStepInput!) { openDecision(input: $i) { id state version } }`;
export const CLOSE = `mutation($i: DecisionStepInput!) { closeDecision(input: $i) { id state version quorumMet } }`;
export const CANCEL = `mutation($i: DecisionStepInput!) { cancelDecision(input: $i) { id state version } }`;
export const PUBLISH = `mutation($i: PublishOutcomeInput!) { publishOutcome(input: $i) { id state version outcome outcomeHistory { text } } }`;
export const VOTE = `mutation($i: CastVoteInput!) { castVote(input: $i) { id voter { id } organization { id } consent optionIds ranking scores { optionId score } dots { optionId dots } reason } }`;
export const READ = `query($id: ID!) { decision(id: $id) { ${DECISION_FIELDS} } }`;

/** Tables a refused decision write must leave as they were. */
export const TABLES = ["decisions", "decision_options", "votes", "decision_outcomes", "notifications"];

export type Cast = {
  community: CommunityRow;
  author: TestUser;
  facilitator: TestUser;
  member: TestUser;
  other: TestUser;
  pending: TestUser;
  outsider: TestUser;
  admin: TestUser;
};

export async function buildCast(server: TestServer, visibility: "PUBLIC" | "MEMBERS" = "PUBLIC"): Promise<Cast> {
  const community = await buildCommunity(server.db, { visibility });
  const [author, facilitator, member, other, pending, outsider] = await Promise.all(
    Array.from({ length: 6 }, () => buildUser(server.db)),
  );
  const admin = await buildUser(server.db, { role: "ADMIN" });
  await addMember(server.db, community, author as TestUser);
  await addMember(server.db, community, facilitator as TestUser, "FACILITATOR");
  await addMember(server.db, community, member as TestUser);
  await addMember(server.db, community, other as TestUser);
  await addMember(server.db, community, pending as TestUser, "MEMBER", "PENDING");
  return { community, author, facilitator, member, other, pending, outsider, admin } as Cast;
}

/** Two partner organisations with representatives in the community, one withdrawn, a plain colleague. */
export async function buildAlliance(server: TestServer, cast: Cast) {
  const tag = tagged();
  const [repA1, repA2, repB, colleague, repWithdrawn] = await Promise.all(
    Array.from({ length: 5 }, () => buildUser(server.db)),
  );
  const orgA = await buildPartner(server.db, tag);
  const orgB = await buildPartner(server.db, tag);
  const withdrawn = await buildPartner(server.db, tag, { withdrawnOn: "2026-01-01" });
  const orgs: [OrganizationRow, TestUser, "REPRESENTATIVE" | "MEMBER"][] = [
    [orgA, repA1 as TestUser, "REPRESENTATIVE"],
    [orgA, repA2 as TestUser, "REPRESENTATIVE"],
    [orgB, repB as TestUser, "REPRESENTATIVE"],
    [orgA, colleague as TestUser, "MEMBER"],
    [withdrawn, repWithdrawn as TestUser, "REPRESENTATIVE"],
  ];
  for (const [o, u, role] of orgs) {
    await link(server.db, o, u, role);
    await addMember(server.db, cast.community, u);
  }
  return { orgA, orgB, withdrawn, repA1, repA2, repB, colleague, repWithdrawn } as {
    orgA: OrganizationRow;
    orgB: OrganizationRow;
    withdrawn: OrganizationRow;
    repA1: TestUser;
    repA2: TestUser;
    repB: TestUser;
    colleague: TestUser;
    repWithdrawn: TestUser;
  };
}

export const as =
  (server: TestServer) =>
  (user: { token: string } | undefined, query: string, variables: Record<string, unknown> = {}) =>
    gql(server.url, query, variables, { token: user?.token });

/** Creates a decision (open unless told) as `author`; answers the created decision's fields. */
export async function createDecision(
  server: TestServer,
  author: TestUser,
  input: Record<string, unknown>,
): Promise<GqlResult["data"] & { id: string; version: number }> {
  const res = await gql(
    server.url,
    CREATE,
    { i: { closesAt: inHours(48).toISOString(), open: true, ...input } },
    { token: author.token },
  );
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data?.createDecision;
}
