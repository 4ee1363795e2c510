import { organizationMembers } from "@pratica/db";
import { describe, expect, it } from "vitest";
import { errorCode } from "../client.js";
import { buildUser } from "../factories.js";
import { useTestServer } from "../fixture.js";
import { as, auditRows, buildAdmin, buildOrganization, refusedUnchanged } from "./support.js";

const server = useTestServer();
const request = (...args: Parameters<ReturnType<typeof as>>) => as(server.url)(...args);

const FIELDS =
  "id slug name nameIt nameEn description descriptionIt descriptionEn category website address latitude longitude memorandumSignedOn updatedAt";
const CREATE = `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation($input: UpdateOrganizationInput!) { updateOrganization(input: $input) { ${FIELDS} } }`;
const REMOVE = `mutation($o: ID!, $u: ID!) { removeRepresentative(organizationId: $o, userId: $u) }`;
const REPS = `query($slug: String!) { organization(slug: $slug) { representativeMemberships { role user { id } } } }`;

const input = (overrides: Record<string, unknown> = {}) => ({
  slug: `org-${Math.random().toString(36).slice(2, 8)}`,
  nameIt: "Fondazione per il Quartiere",
  nameEn: "Neighbourhood Foundation",
  descriptionIt: "Sostiene progetti di quartiere.",
  descriptionEn: "Funds neighbourhood projects.",
  category: "FINANCE_AND_PHILANTHROPY",
  website: "https://quartiere.example.org",
  address: "Via Roma 1, Milano",
  latitude: 45.4642,
  longitude: 9.19,
  memorandumSignedOn: "2025-03-14",
  ...overrides,
});

describe("createOrganization / updateOrganization", () => {
  it("an admin creates and edits a partner organisation; both are audited", async () => {
    const admin = await buildAdmin(server.db);
    const created = await request(admin, CREATE, { input: input({ slug: "neighbourhood-foundation" }) });
    expect(created.errors).toBeUndefined();
    const org = created.data?.createOrganization;
    expect(org).toMatchObject({
      slug: "neighbourhood-foundation",
      nameIt: "Fondazione per il Quartiere",
      category: "FINANCE_AND_PHILANTHROPY",
      latitude: 45.4642,
      memorandumSignedOn: "2025-03-14",
    });
    const edited = await request(admin, UPDATE, {
      input: {
        ...input({ slug: org.slug, website: "", latitude: null, longitude: null }),
        id: org.id,
        expectedUpdatedAt: org.updatedAt,
      },
    });
    expect(edited.errors).toBeUndefined();
    expect(edited.data?.updateOrganization).toMatchObject({ website: null, latitude: null, longitude: null });
    const entries = (await auditRows(server.db)).filter((e) => e.targetId === org.id);
    expect(entries.map((e) => e.action)).toEqual(["organization.create", "organization.update"]);
    expect(entries[1]?.before).toMatchObject({ website: "https://quartiere.example.org", latitude: 45.4642 });
    expect(entries[1]?.after).toMatchObject({ website: null, latitude: null });
  });

  it("refuses the anonymous and non-admins, creating nothing", async () => {
    const user = await buildUser(server.db);
    await refusedUnchanged(
      server.db,
      ["organizations"],
      () => request(undefined, CREATE, { input: input() }),
      "UNAUTHENTICATED",
    );
    await refusedUnchanged(server.db, ["organizations"], () => request(user, CREATE, { input: input() }), "FORBIDDEN");
  });

  it.each([
    ["slug", { slug: "Bad Slug" }],
    ["nameEn", { nameEn: "" }],
    ["website", { website: "not a website" }],
    ["latitude", { latitude: 91 }],
    ["longitude", { longitude: null }],
    ["memorandumSignedOn", { memorandumSignedOn: "14/03/2025" }],
    ["category", { category: "NOPE" }],
  ])("refuses invalid input on %s with BAD_USER_INPUT, creating nothing", async (field, bad) => {
    const admin = await buildAdmin(server.db);
    const res = await refusedUnchanged(
      server.db,
      ["organizations"],
      () => request(admin, CREATE, { input: input(bad) }),
      "BAD_USER_INPUT",
    );
    // A value GraphQL itself rejects (an unknown enum) names no field; the service's rules do.
    if (field !== "category") expect(res.errors?.[0]?.extensions?.field).toBe(field);
  });

  it("refuses a taken slug, and a stale version with CONFLICT carrying the current organisation", async () => {
    const admin = await buildAdmin(server.db);
    const other = await buildOrganization(server.db);
    await refusedUnchanged(
      server.db,
      ["organizations"],
      () => request(admin, CREATE, { input: input({ slug: other.slug }) }),
      "BAD_USER_INPUT",
      "slug",
    );
    const org = (await request(admin, CREATE, { input: input() })).data?.createOrganization;
    const first = await request(admin, UPDATE, {
      input: { ...input({ slug: org.slug, nameEn: "First" }), id: org.id, expectedUpdatedAt: org.updatedAt },
    });
    expect(first.errors).toBeUndefined();
    const stale = await refusedUnchanged(
      server.db,
      ["organizations"],
      () =>
        request(admin, UPDATE, {
          input: { ...input({ slug: org.slug, nameEn: "Second" }), id: org.id, expectedUpdatedAt: org.updatedAt },
        }),
      "CONFLICT",
    );
    expect(stale.errors?.[0]?.extensions?.current).toMatchObject({ organization: { name: "First" } });
  });
});

describe("representatives", () => {
  it("admins list and unlink representatives; others see nothing; unlinking twice is a CONFLICT", async () => {
    const admin = await buildAdmin(server.db);
    const [rep, user] = [await buildUser(server.db), await buildUser(server.db)];
    const org = await buildOrganization(server.db);
    await server.db
      .insert(organizationMembers)
      .values({ organizationId: org.id, userId: rep.id, role: "REPRESENTATIVE" });

    expect((await request(admin, REPS, { slug: org.slug })).data?.organization.representativeMemberships).toEqual([
      { role: "REPRESENTATIVE", user: { id: rep.id } },
    ]);
    expect(errorCode(await request(user, REPS, { slug: org.slug }))).toBe("FORBIDDEN");
    expect(errorCode(await request(undefined, REPS, { slug: org.slug }))).toBe("UNAUTHENTICATED");

    const tables = ["organization_members"];
    await refusedUnchanged(
      server.db,
      tables,
      () => request(undefined, REMOVE, { o: org.id, u: rep.id }),
      "UNAUTHENTICATED",
    );
    await refusedUnchanged(server.db, tables, () => request(rep, REMOVE, { o: org.id, u: rep.id }), "FORBIDDEN");
    expect((await request(admin, REMOVE, { o: org.id, u: rep.id })).data?.removeRepresentative).toBe(true);
    await refusedUnchanged(server.db, tables, () => request(admin, REMOVE, { o: org.id, u: rep.id }), "CONFLICT");
    const entry = (await auditRows(server.db)).find((e) => e.targetId === org.id);
    expect(entry).toMatchObject({ action: "organization.remove_representative", before: { userId: rep.id } });
  });
});
