import { describe, expect, it } from "vitest";
import { NEW_MEMBER_DEFAULTS } from "../../modules/trust/trust.defaults.js";
import { isTrusted, type TrustFacts } from "../../modules/trust/trust.policy.js";
import { gql } from "../client.js";
import { addMember, buildCommunity, buildThread, buildUser } from "../factories.js";
import { useTestServer } from "../fixture.js";
import { ADD_POST, buildNewMember, overHttp, postInput, representing } from "./new-member.js";

const DAY = 24 * 60 * 60 * 1000;
const made = new Date("2026-03-02T09:00:00Z");
const newcomer: TrustFacts = {
  role: "USER",
  createdAt: made,
  vouchedAt: null,
  representsSignatory: false,
  facilitates: false,
};

describe("the rule (trust.policy.ts isTrusted)", () => {
  const at = (ms: number) => new Date(made.getTime() + ms);
  it.each([
    ["a fresh account", newcomer, at(0), false],
    ["an account a minute short of 3 days", newcomer, at(3 * DAY - 60_000), false],
    ["an account 3 days old", newcomer, at(3 * DAY), true],
    ["a vouched account", { ...newcomer, vouchedAt: made }, at(0), true],
    ["an admin", { ...newcomer, role: "ADMIN" as const }, at(0), true],
    ["a representative of a signatory", { ...newcomer, representsSignatory: true }, at(0), true],
    ["a facilitator", { ...newcomer, facilitates: true }, at(0), true],
  ])("%s: trusted %s", (_what, facts, now, expected) => {
    expect(isTrusted(facts, now, NEW_MEMBER_DEFAULTS)).toBe(expected);
  });
});

describe("the rule over the api, with a clock the test moves", () => {
  let now = new Date();
  const server = useTestServer({}, undefined, { trustClock: () => now });
  const TRUSTED = `query { viewer { id trusted } }`;
  const trustedOf = async (token: string) => (await gql(server.url, TRUSTED, {}, { token })).data?.viewer.trusted;

  it("a new account is not trusted; three days later it is, and its limits are gone", async () => {
    now = new Date();
    const community = await buildCommunity(server.db);
    const member = await buildNewMember(server.db);
    await addMember(server.db, community, member);
    const thread = await buildThread(server.db, community, await buildUser(server.db));
    expect(await trustedOf(member.token)).toBe(false);
    now = new Date(member.createdAt.getTime() + 3 * DAY);
    expect(await trustedOf(member.token)).toBe(true);
    const send = overHttp(server.url, member.token).send;
    for (const n of [1, 2, 3, 4])
      expect((await send(ADD_POST, postInput(thread.id, `reply ${n}`))).errors).toBeUndefined();
  });

  it("a representative of an organisation that signed the memorandum is trusted from the first minute", async () => {
    now = new Date();
    const community = await buildCommunity(server.db);
    const rep = await buildNewMember(server.db);
    await representing(server.db, rep, true);
    await addMember(server.db, community, rep);
    const thread = await buildThread(server.db, community, await buildUser(server.db));
    expect(await trustedOf(rep.token)).toBe(true);
    const send = overHttp(server.url, rep.token).send;
    for (const n of [1, 2, 3, 4])
      expect((await send(ADD_POST, postInput(thread.id, `reply ${n}`))).errors).toBeUndefined();
  });

  it("a representative of an organisation that has not signed, or a plain member of a signatory, is still new", async () => {
    now = new Date();
    const rep = await buildNewMember(server.db);
    await representing(server.db, rep, false);
    expect(await trustedOf(rep.token)).toBe(false);
    const member = await buildNewMember(server.db);
    await representing(server.db, member, true, "MEMBER");
    expect(await trustedOf(member.token)).toBe(false);
  });

  it("an active facilitator and an admin are trusted; a pending facilitator is not", async () => {
    now = new Date();
    const community = await buildCommunity(server.db);
    const facilitator = await buildNewMember(server.db);
    await addMember(server.db, community, facilitator, "FACILITATOR");
    const pending = await buildNewMember(server.db);
    await addMember(server.db, community, pending, "FACILITATOR", "PENDING");
    const admin = await buildNewMember(server.db, { role: "ADMIN" });
    expect(await trustedOf(facilitator.token)).toBe(true);
    expect(await trustedOf(admin.token)).toBe(true);
    expect(await trustedOf(pending.token)).toBe(false);
  });
});
