import {
  type BuyerRequestRow,
  buyerRequests,
  buyerRequestTransitions,
  certifications,
  cpvCodes,
  type Database,
  notifications,
  type OrganizationRow,
  organizationMembers,
  supplierAnswers,
  supplierCpvCodes,
  supplierProfiles,
} from "@pratica/db";
import { asc, eq } from "drizzle-orm";
import { expect } from "vitest";
import { buildOrganization } from "../admin/support.js";
import { errorCode, gql } from "../client.js";
import { buildUser, type TestUser } from "../factories.js";

/** "Now" for every procurement test: the clock hook starts here; tests move `clock.now`. */
export const NOW = new Date("2030-03-02T09:00:00Z");
export const DAY = 86_400_000;
export const clock = { now: NOW };
export const hooks = { procurementClock: () => clock.now };

/** Turin and two neighbours (ISTAT codes). */
export const TORINO = "001272";
export const MONCALIERI = "001156";
export const COLLEGNO = "001090";

/**
 * A small branch of the CPV tree: 90000000 › 90900000 › 90910000 › 90911000 › 90911200, with
 * 90920000 a sibling of 90910000 under 90900000, and 45000000 elsewhere. Inserted once per file
 * (every file has its own database); the cpv module's loader writes these in the app.
 */
export const CPV = {
  division: "90000000",
  group: "90900000",
  cleaning: "90910000",
  buildings: "90911000",
  offices: "90911200",
  sibling: "90920000",
  construction: "45000000",
} as const;

export async function seedCpv(db: Database): Promise<void> {
  await db
    .insert(cpvCodes)
    .values([
      {
        code: "90000000",
        checkDigit: 7,
        nameEn: "Sewage, refuse, cleaning",
        nameIt: "Servizi fognari, pulizia",
        parentCode: null,
        level: 1,
      },
      {
        code: "90900000",
        checkDigit: 6,
        nameEn: "Cleaning and sanitation",
        nameIt: "Pulizia e disinfestazione",
        parentCode: "90000000",
        level: 3,
      },
      {
        code: "90910000",
        checkDigit: 9,
        nameEn: "Cleaning services",
        nameIt: "Servizi di pulizia",
        parentCode: "90900000",
        level: 4,
      },
      {
        code: "90911000",
        checkDigit: 6,
        nameEn: "Building cleaning",
        nameIt: "Pulizia di edifici",
        parentCode: "90910000",
        level: 5,
      },
      {
        code: "90911200",
        checkDigit: 8,
        nameEn: "Building-cleaning services",
        nameIt: "Servizi di pulizia di edifici",
        parentCode: "90911000",
        level: 5,
      },
      {
        code: "90920000",
        checkDigit: 2,
        nameEn: "Facility sanitation",
        nameIt: "Servizi igienico-sanitari",
        parentCode: "90900000",
        level: 4,
      },
      {
        code: "45000000",
        checkDigit: 7,
        nameEn: "Construction work",
        nameIt: "Lavori di costruzione",
        parentCode: null,
        level: 1,
      },
    ])
    .onConflictDoNothing();
}

export async function addPerson(
  db: Database,
  org: OrganizationRow,
  user: TestUser,
  role: "REPRESENTATIVE" | "MEMBER" = "REPRESENTATIVE",
) {
  await db.insert(organizationMembers).values({ organizationId: org.id, userId: user.id, role });
}

/** A supplier profile straight in the database (the suppliers module writes it in the app). */
export async function buildSupplier(
  db: Database,
  org: OrganizationRow,
  p: { cpv: string[]; area?: string[]; whole?: boolean; published?: boolean },
) {
  await db.insert(supplierProfiles).values({
    organizationId: org.id,
    offer: "Cleaning by a work-integration cooperative",
    serviceArea: p.whole ? [] : (p.area ?? [TORINO]),
    wholeMetroArea: p.whole ?? false,
    published: p.published ?? true,
  });
  await db.insert(supplierCpvCodes).values(p.cpv.map((cpvCode) => ({ organizationId: org.id, cpvCode })));
}

export async function certify(
  db: Database,
  org: OrganizationRow,
  kind: "SOCIAL_COOP_B" | "B_CORP",
  more: Partial<typeof certifications.$inferInsert> = {},
) {
  await db.insert(certifications).values({ organizationId: org.id, kind, verification: "VERIFIED", ...more });
}

/**
 * The people of a request: a buyer organisation (its representative `buyer`, its member
 * `buyerMember`), two supplier organisations with profiles (representatives `supplier` and
 * `rival`, `supplierMember` a member of the first), `other` the representative of an organisation
 * that is no supplier, `stranger` an account of no organisation, and an admin.
 */
export type Cast = {
  buyerOrg: OrganizationRow;
  supplierOrg: OrganizationRow;
  rivalOrg: OrganizationRow;
  otherOrg: OrganizationRow;
  buyer: TestUser;
  buyerMember: TestUser;
  supplier: TestUser;
  supplierMember: TestUser;
  rival: TestUser;
  other: TestUser;
  stranger: TestUser;
  admin: TestUser;
};

export async function buildCast(db: Database): Promise<Cast> {
  await seedCpv(db);
  const [buyerOrg, supplierOrg, rivalOrg, otherOrg] = await Promise.all([
    buildOrganization(db, { category: "PUBLIC_SECTOR" }),
    buildOrganization(db, { category: "THIRD_SECTOR_AND_CULTURE" }),
    buildOrganization(db, { category: "PRIVATE_SECTOR" }),
    buildOrganization(db),
  ]);
  const [buyer, buyerMember, supplier, supplierMember, rival, other, stranger, admin] = await Promise.all([
    buildUser(db),
    buildUser(db),
    buildUser(db),
    buildUser(db),
    buildUser(db),
    buildUser(db),
    buildUser(db),
    buildUser(db, { role: "ADMIN" }),
  ]);
  await addPerson(db, buyerOrg, buyer);
  await addPerson(db, buyerOrg, buyerMember, "MEMBER");
  await addPerson(db, supplierOrg, supplier);
  await addPerson(db, supplierOrg, supplierMember, "MEMBER");
  await addPerson(db, rivalOrg, rival);
  await addPerson(db, otherOrg, other);
  await buildSupplier(db, supplierOrg, { cpv: [CPV.cleaning], area: [TORINO] });
  await buildSupplier(db, rivalOrg, { cpv: [CPV.buildings], whole: true });
  return {
    buyerOrg,
    supplierOrg,
    rivalOrg,
    otherOrg,
    buyer,
    buyerMember,
    supplier,
    supplierMember,
    rival,
    other,
    stranger,
    admin,
  };
}

/** A request straight in the database, OPEN unless told, its deadline a week after NOW. */
export async function buildRequest(
  db: Database,
  cast: Cast,
  overrides: Partial<typeof buyerRequests.$inferInsert> = {},
): Promise<BuyerRequestRow> {
  const [row] = await db
    .insert(buyerRequests)
    .values({
      organizationId: cast.buyerOrg.id,
      authorId: cast.buyer.id,
      title: "Cleaning of the civic library",
      description: "Twice a week, 1200 m².",
      cpvCodes: [CPV.cleaning],
      area: [TORINO],
      budgetBand: "FROM_5K_TO_40K",
      deadlineAt: new Date(NOW.getTime() + 7 * DAY),
      state: "OPEN",
      openedAt: NOW,
      ...overrides,
    })
    .returning();
  if (!row) throw new Error("request not created");
  return row;
}

export async function buildAnswer(
  db: Database,
  request: BuyerRequestRow,
  org: OrganizationRow,
  author: TestUser,
  overrides: Partial<typeof supplierAnswers.$inferInsert> = {},
) {
  const [row] = await db
    .insert(supplierAnswers)
    .values({
      requestId: request.id,
      organizationId: org.id,
      authorId: author.id,
      body: "We can.",
      amount: 9000,
      ...overrides,
    })
    .returning();
  if (!row) throw new Error("answer not created");
  return row;
}

export const request =
  (url: () => string) =>
  (user: TestUser | undefined, query: string, variables = {}) =>
    gql(url(), query, variables, { token: user?.token });

/** The rows a refusal must leave as they were. */
export async function snapshot(db: Database, requestId: string) {
  const [row] = await db.select().from(buyerRequests).where(eq(buyerRequests.id, requestId));
  const answers = await db
    .select()
    .from(supplierAnswers)
    .where(eq(supplierAnswers.requestId, requestId))
    .orderBy(asc(supplierAnswers.id));
  const steps = await db.select({ id: buyerRequestTransitions.id }).from(buyerRequestTransitions);
  const told = await db.select({ id: notifications.id }).from(notifications);
  return { row, answers, steps: steps.length, told: told.length };
}

export async function refused(
  db: Database,
  requestId: string,
  send: () => Promise<{ errors?: readonly { message: string; extensions?: Record<string, unknown> }[] | undefined }>,
  code: string,
  field?: string,
) {
  const before = await snapshot(db, requestId);
  const res = await send();
  expect(errorCode(res as never), JSON.stringify(res.errors)).toBe(code);
  if (field) expect(res.errors?.[0]?.extensions?.field).toBe(field);
  expect(await snapshot(db, requestId)).toEqual(before);
  return res;
}

export const REQUEST_FIELDS =
  "id title state version deadlineAt openedAt awardedAmount awardedAt outcomeNote closedAt cpvCodeList areaCodes wholeMetroArea budgetBand preferredCertifications answerCount viewerCanEdit viewerCanAnswer viewerCanDecide buyer { id } awardedSupplier { id }";
export const ANSWER_FIELDS = "id body amount status version supplier { id } request { id }";
export const CREATE = `mutation($i: CreateBuyerRequestInput!) { createBuyerRequest(input: $i) { ${REQUEST_FIELDS} } }`;
export const UPDATE = `mutation($i: UpdateBuyerRequestInput!) { updateBuyerRequest(input: $i) { ${REQUEST_FIELDS} } }`;
export const OPEN = `mutation($id: ID!, $v: Int!) { openBuyerRequest(id: $id, version: $v) { ${REQUEST_FIELDS} } }`;
export const SHORTLISTING = `mutation($id: ID!, $v: Int!) { startShortlisting(id: $id, version: $v) { ${REQUEST_FIELDS} } }`;
export const AWARD = `mutation($i: AwardBuyerRequestInput!) { awardBuyerRequest(input: $i) { ${REQUEST_FIELDS} } }`;
export const CLOSE = `mutation($i: CloseBuyerRequestInput!) { closeBuyerRequest(input: $i) { ${REQUEST_FIELDS} } }`;
export const SHORTLIST = `mutation($id: ID!, $v: Int!) { shortlistAnswer(id: $id, version: $v) { ${ANSWER_FIELDS} } }`;
export const ANSWER = `mutation($i: AnswerBuyerRequestInput!) { answerBuyerRequest(input: $i) { ${ANSWER_FIELDS} } }`;
export const UPDATE_ANSWER = `mutation($i: UpdateSupplierAnswerInput!) { updateSupplierAnswer(input: $i) { ${ANSWER_FIELDS} } }`;
export const WITHDRAW_ANSWER = `mutation($id: ID!, $v: Int!) { withdrawSupplierAnswer(id: $id, version: $v) { ${ANSWER_FIELDS} } }`;
export const READ = `query($id: ID!) { buyerRequest(id: $id) { ${REQUEST_FIELDS} cpvCodes { code nameIt } area { code name } answers { ${ANSWER_FIELDS} } viewerAnswer { id status } } }`;

/** A valid create input for the cast's buyer, its deadline a week after NOW. */
export const createInput = (cast: Cast, more: Record<string, unknown> = {}) => ({
  organizationId: cast.buyerOrg.id,
  title: "Cleaning of the civic library",
  description: "Twice a week.",
  cpvCodes: ["90910000-9"],
  area: [TORINO],
  wholeMetroArea: false,
  budgetBand: "FROM_5K_TO_40K",
  deadlineAt: new Date(NOW.getTime() + 7 * DAY).toISOString(),
  preferredCertifications: ["SOCIAL_COOP_B"],
  ...more,
});

export const updateInput = (r: BuyerRequestRow, more: Record<string, unknown> = {}) => ({
  id: r.id,
  version: r.version,
  title: r.title,
  description: r.description,
  cpvCodes: r.cpvCodes,
  area: r.area,
  wholeMetroArea: r.wholeMetroArea,
  budgetBand: r.budgetBand,
  deadlineAt: r.deadlineAt.toISOString(),
  preferredCertifications: r.preferredCertifications,
  ...more,
});

export const notificationsOf = (db: Database, userId: string) =>
  db.select().from(notifications).where(eq(notifications.userId, userId));
