import { describe, expect, it } from "vitest";
import { buildAdmin, refusedUnchanged } from "../admin/support.js";
import { gql } from "../client.js";
import { useTestServer } from "../fixture.js";
import { tagged } from "./support.js";

const server = useTestServer();

const CREATE = `mutation($i: CreateOrganizationInput!) { createOrganization(input: $i) {
  id slug district updatedAt themes { key } sdgs { number } latitude longitude } }`;
const UPDATE = `mutation($i: UpdateOrganizationInput!) { updateOrganization(input: $i) {
  id district updatedAt themes { key } sdgs { number } } }`;
const CREATE_COMMUNITY = `mutation($i: CreateCommunityInput!) { createCommunity(input: $i) { id slug updatedAt themes { key nameIt } } }`;
const UPDATE_COMMUNITY = `mutation($i: UpdateCommunityInput!) { updateCommunity(input: $i) { id themes { key } } }`;

describe("admins give organisations a district, themes and goals, and communities themes", () => {
  it("creates and edits them; an edit that leaves them out keeps them", async () => {
    const admin = await buildAdmin(server.db);
    const slug = tagged();
    const base = { slug, nameIt: "Fondazione Prova", nameEn: "Test Foundation", category: "FINANCE_AND_PHILANTHROPY" };
    const created = await gql(
      server.url,
      CREATE,
      {
        i: {
          ...base,
          district: "Circoscrizione 3 — San Paolo, Cenisia, Pozzo Strada, Cit Turin, Borgata Lesna",
          themes: ["impact-finance", "social-innovation", "impact-finance"],
          sdgs: [17, 8, 8],
          latitude: 45.07,
          longitude: 7.65,
        },
      },
      { token: admin.token },
    );
    expect(created.errors, JSON.stringify(created.errors)).toBeUndefined();
    const o = created.data?.createOrganization;
    expect(o.themes).toEqual([{ key: "impact-finance" }, { key: "social-innovation" }]);
    expect(o.sdgs).toEqual([{ number: 8 }, { number: 17 }]);
    const kept = await gql(
      server.url,
      UPDATE,
      { i: { ...base, id: o.id, expectedUpdatedAt: o.updatedAt } },
      { token: admin.token },
    );
    expect(kept.data?.updateOrganization).toMatchObject({ district: o.district, themes: o.themes, sdgs: o.sdgs });
    const changed = await gql(
      server.url,
      UPDATE,
      {
        i: {
          ...base,
          id: o.id,
          expectedUpdatedAt: kept.data?.updateOrganization.updatedAt,
          district: "",
          themes: [],
          sdgs: [3],
        },
      },
      { token: admin.token },
    );
    expect(changed.data?.updateOrganization).toMatchObject({ district: null, themes: [], sdgs: [{ number: 3 }] });
  });

  it("refuses an unknown theme, a goal out of 1..17, a long district and coordinates out of range or alone, naming the field", async () => {
    const admin = await buildAdmin(server.db);
    const base = { nameIt: "X", nameEn: "X", category: "PUBLIC_SECTOR" };
    for (const [more, field] of [
      [{ themes: ["astrology"] }, "themes.0"],
      [{ sdgs: [0] }, "sdgs.0"],
      [{ sdgs: [18] }, "sdgs.0"],
      [{ district: "d".repeat(81) }, "district"],
      [{ latitude: 91, longitude: 7 }, "latitude"],
      [{ latitude: 45, longitude: -181 }, "longitude"],
      [{ latitude: 45 }, "longitude"],
    ] as const) {
      await refusedUnchanged(
        server.db,
        ["organizations"],
        () => gql(server.url, CREATE, { i: { ...base, slug: tagged(), ...more } }, { token: admin.token }),
        "BAD_USER_INPUT",
        field,
      );
    }
  });

  it("communities take themes from the vocabulary, kept when an edit leaves them out", async () => {
    const admin = await buildAdmin(server.db);
    const base = { slug: tagged(), nameIt: "Comunità", nameEn: "Community" };
    const created = await gql(
      server.url,
      CREATE_COMMUNITY,
      { i: { ...base, themes: ["youth-employment"] } },
      { token: admin.token },
    );
    expect(created.errors, JSON.stringify(created.errors)).toBeUndefined();
    const c = created.data?.createCommunity;
    expect(c.themes).toEqual([{ key: "youth-employment", nameIt: "Giovani, formazione e lavoro" }]);
    const edited = await gql(
      server.url,
      UPDATE_COMMUNITY,
      { i: { ...base, id: c.id, expectedUpdatedAt: c.updatedAt } },
      { token: admin.token },
    );
    expect(edited.data?.updateCommunity.themes).toEqual([{ key: "youth-employment" }]);
    await refusedUnchanged(
      server.db,
      ["communities"],
      () =>
        gql(server.url, CREATE_COMMUNITY, { i: { ...base, slug: tagged(), themes: ["nope"] } }, { token: admin.token }),
      "BAD_USER_INPUT",
      "themes.0",
    );
  });
});
