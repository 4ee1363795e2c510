import { threads } from "@pratica/db";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { gql } from "../client.js";
import {
  addMember,
  buildCommunity,
  buildPost,
  buildResource,
  buildThread,
  buildUser,
  type TestUser,
} from "../factories.js";
import { useTestServer } from "../fixture.js";

// Issue 12, "Forgiving Italian": what people type against what the platform holds, on both
// databases, through the public search.

const SEARCH = `query($q: String!) { search(query: $q, first: 50) {
  edges { rank snippet node { __typename ... on Post { id } ... on Thread { id } ... on Resource { id } } } } }`;
type Edge = { rank: number; snippet: string; node: { __typename: string; id: string } };

const server = useTestServer();
let author: TestUser;
let community: Awaited<ReturnType<typeof buildCommunity>>;
/** The id of each text below, by its name. */
const ids = new Map<string, string>();

// Each text is a post, a thread (title and body) or a resource (in its language).
const TEXTS: Record<
  string,
  { kind: "post" } | { kind: "thread"; body?: string } | { kind: "resource"; lang: "it" | "en" }
> = {
  "Le imprese circolari del quartiere si incontrano.": { kind: "post" },
  "Un'impresa circolare a Barriera": { kind: "thread" },
  "Il cantiere di via Roma riapre a marzo.": { kind: "post" },
  "Il direttore della fondazione ci ha risposto.": { kind: "post" },
  "Guida per l'imprenditrice sociale": { kind: "resource", lang: "it" },
  "I soci fondatori firmano il memorandum.": { kind: "post" },
  "Lavorare insieme tra enti diversi": { kind: "thread" },
  "Come finanziare un progetto di comunità": { kind: "resource", lang: "it" },
  "La città che cura i suoi spazi.": { kind: "post" },
  "Niccolò Rossi ha scritto il primo capitolo.": { kind: "post" },
  "Un'esperienza nata con l'università.": { kind: "post" },
  "Da dove parte un'impresa sociale?": { kind: "post" },
  "La cooperativa del Borgo cerca volontari.": { kind: "post" },
  "Rigenerazione urbana e beni comuni": { kind: "thread" },
  "Building a partnership that lasts": { kind: "resource", lang: "en" },
  "Volunteers who stay": { kind: "resource", lang: "en" },
  "La società di mutuo soccorso": { kind: "post" },
  "Bando della Fondazione Cariplo per il welfare": { kind: "resource", lang: "it" },
  "Manifesto per l'impatto sociale": { kind: "thread", body: "Una bozza da leggere insieme." },
  "Retail e commercio di prossimità": { kind: "thread" },
  "Incontro con Maria Bianchi": { kind: "thread" },
  "Maria Bianchi ha presentato il bilancio sociale.": { kind: "post" },
};

beforeAll(async () => {
  author = await buildUser(server.db);
  community = await buildCommunity(server.db);
  await addMember(server.db, community, author);
  const home = await buildThread(server.db, community, author, { title: "Chiacchiere", body: "Di tutto un po'." });
  for (const [text, spec] of Object.entries(TEXTS)) {
    if (spec.kind === "post") ids.set(text, (await buildPost(server.db, home, author, text)).id);
    else if (spec.kind === "thread")
      ids.set(text, (await buildThread(server.db, community, author, { title: text, body: spec.body ?? "…" })).id);
    else
      ids.set(
        text,
        (await buildResource(server.db, community, author, { title: text, language: spec.lang, status: "PUBLISHED" }))
          .id,
      );
  }
});

async function search(q: string): Promise<Edge[]> {
  const res = await gql(server.url, SEARCH, { q }, { token: author.token });
  expect(res.errors).toBeUndefined();
  return res.data?.search.edges ?? [];
}
const idOf = (text: string) => {
  const id = ids.get(text);
  if (!id) throw new Error(`no text ${text}`);
  return id;
};

describe("search forgives Italian (and English)", () => {
  it.each([
    ["singular finds plural", "impresa circolare", "Le imprese circolari del quartiere si incontrano."],
    ["plural finds singular", "imprese circolari", "Un'impresa circolare a Barriera"],
    ["-ieri finds -iere", "cantieri", "Il cantiere di via Roma riapre a marzo."],
    ["feminine finds masculine", "direttrice", "Il direttore della fondazione ci ha risposto."],
    ["masculine plural finds feminine", "imprenditori", "Guida per l'imprenditrice sociale"],
    ["feminine finds masculine plural", "socia", "I soci fondatori firmano il memorandum."],
    ["a verb's form finds its infinitive", "lavoriamo", "Lavorare insieme tra enti diversi"],
    ["a participle finds its infinitive", "finanziato", "Come finanziare un progetto di comunità"],
    ["without the accent", "citta", "La città che cura i suoi spazi."],
    ["without a mid-word accent", "Niccolo", "Niccolò Rossi ha scritto il primo capitolo."],
    ["capitals with an accent", "UNIVERSITÀ", "Un'esperienza nata con l'università."],
    ["an apostrophe", "l'impresa", "Da dove parte un'impresa sociale?"],
    ["an apostrophe, other article", "dell'impresa", "Un'impresa circolare a Barriera"],
    ["the start of a word", "coop", "La cooperativa del Borgo cerca volontari."],
    ["the start of a longer word", "rigenera", "Rigenerazione urbana e beni comuni"],
    ["English plural", "partnerships", "Building a partnership that lasts"],
    ["English verb form", "volunteering", "Volunteers who stay"],
    ["one letter wrong in a title", "Fondazone Cariplo", "Bando della Fondazione Cariplo per il welfare"],
    ["one letter missing in a title", "manifsto", "Manifesto per l'impatto sociale"],
    ["one letter doubled in a title", "wellfare", "Bando della Fondazione Cariplo per il welfare"],
    ["a misspelt name finds its title", "Maria Binchi", "Incontro con Maria Bianchi"],
    ["a misspelt name that a title holds finds a post", "Bianhi", "Maria Bianchi ha presentato il bilancio sociale."],
  ])("%s: %s", async (_case, query, text) => {
    const found = await search(query);
    expect(found.map((e) => e.node.id)).toContain(idOf(text));
  });

  it.each([
    ["a short stem is not a prefix", "socio", "La società di mutuo soccorso"],
    ["a short word is not a typo of a longer one", "rete", "Retail e commercio di prossimità"],
    ["a quoted phrase keeps its order", '"circolare impresa"', "Un'impresa circolare a Barriera"],
    ["a negated word is not forgiven", "bando -Cariplo", "Bando della Fondazione Cariplo per il welfare"],
  ])("%s: %s", async (_case, query, text) => {
    const found = await search(query);
    expect(found.map((e) => e.node.id)).not.toContain(idOf(text));
  });

  it("highlights the forms the words were found in", async () => {
    const [hit] = (await search("imprese circolari")).filter(
      (e) => e.node.id === idOf("Un'impresa circolare a Barriera"),
    );
    expect(hit?.snippet).toContain("\uE000impresa\uE001");
    expect(hit?.snippet).toContain("\uE000circolare\uE001");
    const [typed] = (await search("citta")).filter((e) => e.node.id === idOf("La città che cura i suoi spazi."));
    expect(typed?.snippet).toContain("\uE000città\uE001");
  });

  it("ranks what only the typo's correction finds below every word match", async () => {
    // "Manifesto" is a title word; "manifsto" reaches it only through the correction.
    const exact = await search("manifesto");
    const typo = await search("manifsto");
    const rankOf = (edges: Edge[]) =>
      edges.find((e) => e.node.id === idOf("Manifesto per l'impatto sociale"))?.rank ?? 0;
    expect(rankOf(typo)).toBeGreaterThan(0);
    expect(rankOf(typo)).toBeLessThan(0.06);
    expect(rankOf(exact)).toBeGreaterThan(rankOf(typo));
    // A body match ("insieme" in its body) still ranks below the title match of another thread.
    const together = await search("insieme");
    const order = together.map((e) => e.node.id);
    expect(order.indexOf(idOf("Lavorare insieme tra enti diversi"))).toBeLessThan(
      order.indexOf(idOf("Manifesto per l'impatto sociale")),
    );
  });
});

const CREATE = `mutation($i: CreateThreadInput!) { createThread(input: $i) { id } }`;

describe("the words typos are corrected to", () => {
  it("are learned from titles as they are written and renamed", async () => {
    expect(await search("Zanzibat")).toEqual([]);
    const created = await gql(
      server.url,
      CREATE,
      { i: { communityId: community.id, title: "Laboratorio Zanzibar", body: "Si parte lunedì." } },
      { token: author.token },
    );
    const id = created.data?.createThread.id as string;
    expect((await search("Zanzibat")).map((e) => e.node.id)).toContain(id);
    // No mutation renames a thread yet; the words come from the table's trigger either way.
    await server.db.update(threads).set({ title: "Laboratorio Kilimangiaro" }).where(eq(threads.id, id));
    expect((await search("Kilimangiato")).map((e) => e.node.id)).toContain(id);
  });

  // Two writers adding the same new words in opposite orders would wait on each other in a
  // cycle if the words went in as written; they go in sorted. Real overlap: PostgreSQL only.
  it.runIf(process.env.TEST_DB === "postgres")("are added by concurrent writers without a deadlock", async () => {
    const titles = Array.from({ length: 30 }, (_, i) =>
      i % 2 ? "Orsacchiotto Quokka Vombato Ornitorinco" : "Ornitorinco Vombato Quokka Orsacchiotto",
    );
    const answers = await Promise.all(
      titles.map((title) =>
        gql(server.url, CREATE, { i: { communityId: community.id, title, body: "…" } }, { token: author.token }),
      ),
    );
    expect(answers.map((a) => a.errors?.[0]?.message)).toEqual(titles.map(() => undefined));
    expect(await search("Ornitorinko")).toHaveLength(30);
  });
});
