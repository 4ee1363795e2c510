import type { CommunityRow, Database } from "@pratica/db";
import { expect } from "vitest";
import { errorCode, type GqlResult, gql } from "./client.js";
import { addMember, buildCommunity, buildUser, type TestUser } from "./factories.js";
import type { TestServer } from "./server.js";

/**
 * One `viewerCan…` field against the mutation it announces: `read` asks the field (an object
 * the viewer may not see answers no field: that counts as "no"), `write` then tries the mutation.
 */
export type Probe = {
  read: string;
  readVars: Record<string, unknown>;
  /** The field's answer in the read's data; absent → false. */
  said: (data: Data) => unknown;
  write: string;
  writeVars: Record<string, unknown>;
};

export type Data = NonNullable<GqlResult["data"]>;

/** The node with that id among a connection's edges, or a list's items. */
export const nodeIn = (list: { edges?: { node: Data }[] } | Data[] | null | undefined, id: string): Data | undefined =>
  (Array.isArray(list) ? list : (list?.edges?.map((e) => e.node) ?? [])).find((n) => n.id === id);

/** How a refused mutation may answer: a permission, a login, or the object's state. */
export const REFUSED = ["FORBIDDEN", "UNAUTHENTICATED", "CONFLICT", "NOT_FOUND"];

/**
 * Asks the field as the viewer, then tries the mutation, and checks that both give the
 * expected answer: `true` → the field says so and the mutation succeeds; `false` → the field says
 * no and the mutation is refused with one of `REFUSED`.
 */
export async function expectAgreement(server: TestServer, token: string | undefined, probe: Probe, expected: boolean) {
  const read = await gql(server.url, probe.read, probe.readVars, { token });
  const said = Boolean(read.data && probe.said(read.data));
  const write = await gql(server.url, probe.write, probe.writeVars, { token });
  const did = !write.errors;
  expect({ said, did }, JSON.stringify(write.errors ?? read.errors ?? null)).toEqual({ said: expected, did: expected });
  if (!did) expect(REFUSED).toContain(errorCode(write));
}

/** The kinds of viewer a community's fields are asked for. */
export const VIEWERS = ["anonymous", "outsider", "pending", "member", "otherMember", "facilitator", "admin"] as const;
export type Who = (typeof VIEWERS)[number];
export type Cast = Record<Exclude<Who, "anonymous">, TestUser> & { community: CommunityRow };

/**
 * A community with members, an applicant, an outsider, a facilitator and an admin; with
 * `coFacilitator`, a second facilitator too, so that neither is the last.
 */
export async function buildCast(
  db: Database,
  options: { joinPolicy?: CommunityRow["joinPolicy"]; coFacilitator?: boolean } = {},
): Promise<Cast> {
  const community = await buildCommunity(db, options.joinPolicy ? { joinPolicy: options.joinPolicy } : {});
  const [outsider, pending, member, otherMember, facilitator, coFacilitator] = await Promise.all(
    Array.from({ length: options.coFacilitator ? 6 : 5 }, () => buildUser(db)),
  );
  const admin = await buildUser(db, { role: "ADMIN" });
  if (!outsider || !pending || !member || !otherMember || !facilitator) throw new Error("cast not built");
  await addMember(db, community, pending, "MEMBER", "PENDING");
  await addMember(db, community, member);
  await addMember(db, community, otherMember);
  await addMember(db, community, facilitator, "FACILITATOR");
  if (coFacilitator) await addMember(db, community, coFacilitator, "FACILITATOR");
  return { community, outsider, pending, member, otherMember, facilitator, admin };
}
