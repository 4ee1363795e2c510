import { describe, expect, it } from "vitest";
import { errorCode } from "../client.js";
import { buildCommunity, buildUser } from "../factories.js";
import { useTestServer } from "../fixture.js";
import { as, buildOrganization, refusedUnchanged } from "./support.js";

const server = useTestServer();
const request = (...args: Parameters<ReturnType<typeof as>>) => as(server.url)(...args);

const ID = "00000000-0000-4000-8000-000000000000";
const TABLES = ["communities", "organizations", "organization_members", "users", "account_tokens"];

/** Every admin query and mutation, with arguments that would be accepted from an admin. */
const operations = (ids: { community: string; organization: string; user: string; slug: string }) =>
  [
    ["adminCommunities", `{ adminCommunities { id } }`, {}],
    ["adminUsers", `{ adminUsers { totalCount edges { node { id email } } } }`, {}],
    ["adminAuditLog", `{ adminAuditLog { totalCount edges { node { id before after } } } }`, {}],
    [
      "Organization.representativeMemberships",
      `query($s: String!) { organization(slug: $s) { representativeMemberships { id } } }`,
      { s: ids.slug },
    ],
    [
      "createCommunity",
      `mutation { createCommunity(input: { slug: "never-made", nameIt: "Mai", nameEn: "Never" }) { id } }`,
      {},
    ],
    [
      "updateCommunity",
      `mutation($id: ID!) { updateCommunity(input: { id: $id, expectedUpdatedAt: "2026-01-01T00:00:00.000Z", slug: "never-made", nameIt: "Mai", nameEn: "Never" }) { id } }`,
      { id: ids.community },
    ],
    ["archiveCommunity", `mutation($id: ID!) { archiveCommunity(communityId: $id) { id } }`, { id: ids.community }],
    ["unarchiveCommunity", `mutation($id: ID!) { unarchiveCommunity(communityId: $id) { id } }`, { id: ids.community }],
    [
      "createOrganization",
      `mutation { createOrganization(input: { slug: "never-made", nameIt: "Mai", nameEn: "Never", category: PUBLIC_SECTOR }) { id } }`,
      {},
    ],
    [
      "updateOrganization",
      `mutation($id: ID!) { updateOrganization(input: { id: $id, expectedUpdatedAt: "2026-01-01T00:00:00.000Z", slug: "never-made", nameIt: "Mai", nameEn: "Never", category: PUBLIC_SECTOR }) { id } }`,
      { id: ids.organization },
    ],
    [
      "inviteRepresentative",
      `mutation($o: ID!) { inviteRepresentative(input: { organizationId: $o, email: "x@example.org" }) }`,
      { o: ids.organization },
    ],
    [
      "removeRepresentative",
      `mutation($o: ID!, $u: ID!) { removeRepresentative(organizationId: $o, userId: $u) }`,
      { o: ids.organization, u: ids.user },
    ],
    ["grantAdmin", `mutation($u: ID!) { grantAdmin(userId: $u) { id } }`, { u: ids.user }],
    ["revokeAdmin", `mutation($u: ID!) { revokeAdmin(userId: $u) { id } }`, { u: ids.user }],
    ["adminSendPasswordReset", `mutation($u: ID!) { adminSendPasswordReset(userId: $u) }`, { u: ID }],
  ] as const;

describe("nothing of the admin area reaches others", () => {
  it("every admin query and mutation: UNAUTHENTICATED when anonymous, FORBIDDEN for a member, with no data and no change", async () => {
    const community = await buildCommunity(server.db);
    const organization = await buildOrganization(server.db);
    const member = await buildUser(server.db);
    const ids = { community: community.id, organization: organization.id, user: member.id, slug: organization.slug };
    for (const [name, query, variables] of operations(ids)) {
      for (const [who, code] of [
        [undefined, "UNAUTHENTICATED"],
        [member, "FORBIDDEN"],
      ] as const) {
        const res = await refusedUnchanged(server.db, TABLES, () => request(who, query, variables), code);
        expect(errorCode(res), name).toBe(code);
        // What data there is holds nothing of the admin area: the top field is null.
        const data = res.data as Record<string, unknown> | null | undefined;
        if (data)
          for (const value of Object.values(data))
            expect(JSON.stringify(value), name).not.toMatch(/representativeMemberships"?:\s*\[/);
        if (name !== "Organization.representativeMemberships") expect(data ?? null, name).toBeNull();
      }
    }
  });
});
