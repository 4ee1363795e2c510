import { beforeAll, describe, expect, it } from "vitest";
import { gql } from "../client.js";
import { addMember, buildUser, type TestUser } from "../factories.js";
import { useTestServer } from "../fixture.js";
import { collect } from "../live.js";
import { buildCast, buildDocument, buildOrganization, type Cast, EDIT, mustOk } from "./setup.js";

const EVENTS = `subscription($id: ID!, $after: String) { deliverableEvents(deliverableId: $id, after: $after) {
  __typename
  ... on SectionUpdated { cursor section { id body version } revision { version author { id } editor { id } } }
  ... on AmendmentProposed { cursor amendment { id status } }
  ... on AmendmentDecided { cursor amendment { id status } }
  ... on CommentAdded { cursor comment { body } }
  ... on StatusChanged { cursor deliverable { status } }
  ... on SectionsReordered { cursor deliverable { sections { heading } } }
  ... on DeliverableUpdated { cursor deliverable { title } }
  ... on Endorsed { cursor endorsement { organization { id } } }
  ... on Presence { user { id } sectionId active }
} }`;
type Event = {
  deliverableEvents: {
    __typename: string;
    cursor?: string;
    section?: { id: string; body: string; version: number };
    revision?: { version: number; author: { id: string }; editor: { id: string } };
    amendment?: { id: string; status: string };
    user?: { id: string };
    sectionId?: string | null;
    active?: boolean;
  };
};
const PRESENCE = `mutation($id: ID!, $s: ID) { updatePresence(deliverableId: $id, editingSectionId: $s) }`;

const server = useTestServer();
let cast: Cast;
beforeAll(async () => {
  cast = await buildCast(server);
});

const { socketFor } = server;
const types = (events: Event[]) => events.map((e) => e.deliverableEvents.__typename);
const edit = (user: TestUser, sectionId: string, body: string, expectedVersion: number) =>
  mustOk(gql(server.url, EDIT, { i: { sectionId, body, expectedVersion } }, { token: user.token }));

describe("deliverableEvents", () => {
  it("two editors see each other's accepted changes and presence", async () => {
    const doc = await buildDocument(server, cast, "REVIEW");
    const section = doc.sections[0] as { id: string };
    const [a, b] = [socketFor(cast.editor), socketFor(cast.coEditor)];
    const joined = Promise.all([server.subscribed("deliverable", doc.id), server.subscribed("deliverable", doc.id)]);
    const subA = collect<Event>(a, EVENTS, { id: doc.id });
    const subB = collect<Event>(b, EVENTS, { id: doc.id });
    await joined;

    await mustOk(gql(server.url, PRESENCE, { id: doc.id, s: section.id }, { token: cast.editor.token }));
    await subB.until((d) => d.some((e) => e.deliverableEvents.__typename === "Presence"));
    expect(subB.data.find((e) => e.deliverableEvents.__typename === "Presence")?.deliverableEvents).toMatchObject({
      user: { id: cast.editor.id },
      sectionId: section.id,
      active: true,
    });

    await edit(cast.editor, section.id, "Written by the first editor.", 1);
    await subB.until((d) => d.some((e) => e.deliverableEvents.__typename === "SectionUpdated"));
    expect(subB.data.find((e) => e.deliverableEvents.__typename === "SectionUpdated")?.deliverableEvents).toMatchObject(
      {
        section: { id: section.id, body: "Written by the first editor.", version: 2 },
        revision: { version: 2, author: { id: cast.editor.id } },
      },
    );

    const proposed = await mustOk(
      gql(
        server.url,
        `mutation($i: ProposeAmendmentInput!) { proposeAmendment(input: $i) { id } }`,
        { i: { sectionId: section.id, body: "Written by a member.", rationale: "Clearer." } },
        { token: cast.member.token },
      ),
    );
    await mustOk(
      gql(
        server.url,
        `mutation($i: AcceptAmendmentInput!) { acceptAmendment(input: $i) { id } }`,
        { i: { amendmentId: proposed.data?.proposeAmendment.id } },
        { token: cast.coEditor.token },
      ),
    );
    await subA.until((d) => d.some((e) => e.deliverableEvents.__typename === "AmendmentDecided"));
    const accepted = subA.data.filter((e) => e.deliverableEvents.__typename === "SectionUpdated").at(-1);
    expect(accepted?.deliverableEvents).toMatchObject({
      section: { body: "Written by a member.", version: 3 },
      revision: { author: { id: cast.member.id }, editor: { id: cast.coEditor.id } },
    });
    expect(types(subA.data)).toEqual([
      "Presence",
      "SectionUpdated",
      "AmendmentProposed",
      "SectionUpdated",
      "AmendmentDecided",
    ]);

    await mustOk(
      gql(
        server.url,
        `mutation($id: ID!) { leaveDeliverable(deliverableId: $id) }`,
        { id: doc.id },
        { token: cast.editor.token },
      ),
    );
    await subB.until((d) => d.some((e) => e.deliverableEvents.active === false));
    const present = await gql(
      server.url,
      `query($id: ID!) { deliverable(id: $id) { presence { user { id } } } }`,
      { id: doc.id },
      { token: cast.member.token },
    );
    expect(present.data?.deliverable.presence).toEqual([]);
    await Promise.all([a.dispose(), b.dispose()]);
  });

  it("with `after`, replays exactly what was missed, once each, then goes live; presence is not replayed", async () => {
    const doc = await buildDocument(server, cast, "DRAFT");
    const section = doc.sections[1] as { id: string };
    const first = socketFor(cast.member);
    const joined = server.subscribed("deliverable", doc.id);
    const sub = collect<Event>(first, EVENTS, { id: doc.id });
    await joined;
    await edit(cast.editor, section.id, "one", 1);
    await sub.until((d) => d.length >= 1);
    const cursor = sub.data[0]?.deliverableEvents.cursor;
    await first.dispose();

    await edit(cast.editor, section.id, "two", 2);
    await mustOk(gql(server.url, PRESENCE, { id: doc.id, s: null }, { token: cast.editor.token }));
    await edit(cast.coEditor, section.id, "three", 3);

    const again = socketFor(cast.member);
    const resumed = collect<Event>(again, EVENTS, { id: doc.id, after: cursor });
    await resumed.until((d) => d.length >= 2);
    await edit(cast.editor, section.id, "four", 4);
    // A last edit: when it arrives, anything sent twice would have arrived before it.
    await edit(cast.editor, section.id, "five", 5);
    await resumed.until((d) => d.length >= 4);
    // Each replayed event names the revision it made; `section` is the section as it is now.
    expect(resumed.data.map((e) => e.deliverableEvents.revision?.version)).toEqual([3, 4, 5, 6]);
    expect(types(resumed.data)).toEqual(["SectionUpdated", "SectionUpdated", "SectionUpdated", "SectionUpdated"]);
    await again.dispose();
  });

  it("replays endorsements and status changes too; a bad cursor is refused", async () => {
    const doc = await buildDocument(server, cast, "PUBLISHED");
    const org = await buildOrganization(server, cast.member);
    await mustOk(
      gql(
        server.url,
        `mutation($i: EndorseDeliverableInput!) { endorseDeliverable(input: $i) { id } }`,
        { i: { deliverableId: doc.id, organizationId: org.id } },
        { token: cast.member.token },
      ),
    );
    const socket = socketFor();
    const all = collect<Event>(socket, EVENTS, { id: doc.id, after: "0" });
    await all.until((d) => d.some((e) => e.deliverableEvents.__typename === "Endorsed"));
    expect(types(all.data).filter((t) => t === "StatusChanged")).toHaveLength(3);
    const bad = collect<Event>(socket, EVENTS, { id: doc.id, after: "not-a-cursor" });
    await bad.done;
    expect(bad.results[0]?.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    await socket.dispose();
  });

  it("a member removed from the community stops receiving a draft's events at once", async () => {
    const doc = await buildDocument(server, cast, "DRAFT");
    const leaver = await buildUser(server.db);
    const membership = await addMember(server.db, cast.community, leaver);
    const socket = socketFor(leaver);
    const joined = server.subscribed("deliverable", doc.id);
    const sub = collect<Event>(socket, EVENTS, { id: doc.id });
    await joined;
    await edit(cast.editor, (doc.sections[0] as { id: string }).id, "seen", 1);
    await sub.until((d) => d.length >= 1);
    await mustOk(
      gql(
        server.url,
        `mutation($id: ID!) { removeMember(membershipId: $id) }`,
        { id: membership.id },
        { token: cast.facilitator.token },
      ),
    );
    // The stream has ended: nothing can reach it any more, whatever is edited.
    await sub.done;
    await edit(cast.editor, (doc.sections[0] as { id: string }).id, "secret", 2);
    expect(sub.data.map((e) => e.deliverableEvents.section?.body)).toEqual(["seen"]);
    expect(sub.results.at(-1)?.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    await socket.dispose();
  });

  it("anonymous readers cannot subscribe to a draft", async () => {
    const doc = await buildDocument(server, cast, "DRAFT");
    const socket = socketFor();
    const sub = collect<Event>(socket, EVENTS, { id: doc.id });
    await sub.done;
    expect(sub.results[0]?.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    await socket.dispose();
  });
});

describe("export", () => {
  it("gives the current text as Markdown and as a print-ready page with the signatories", async () => {
    const doc = await buildDocument(server, cast, "PUBLISHED");
    const org = await buildOrganization(server, cast.coEditor);
    await mustOk(
      gql(
        server.url,
        `mutation($i: EndorseDeliverableInput!) { endorseDeliverable(input: $i) { id } }`,
        { i: { deliverableId: doc.id, organizationId: org.id, statement: "<script>alert(1)</script> We sign." } },
        { token: cast.coEditor.token },
      ),
    );
    const md = await gql(server.url, `query($id: ID!) { deliverable(id: $id) { markdown } }`, { id: doc.id });
    expect(md.data?.deliverable.markdown).toContain("# Manifesto for Impact\n");
    expect(md.data?.deliverable.markdown).toContain("## Principles\n\nTransparency. Measurability. Accountability.");
    expect(md.data?.deliverable.markdown).toContain(`- ${org.name}`);

    const base = server.url.replace(/\/graphql$/, "");
    const file = await fetch(`${base}/deliverables/${doc.id}/export.md`);
    expect(file.status).toBe(200);
    expect(file.headers.get("content-disposition")).toContain("manifesto-for-impact.md");
    const page = await fetch(`${base}/deliverables/${doc.id}/print?lang=it`);
    const html = await page.text();
    expect(page.headers.get("content-type")).toContain("text/html");
    expect(page.headers.get("content-security-policy")).toContain("default-src 'none'");
    expect(html).toContain("<h2>Preamble</h2>");
    expect(html).toContain("Firmatari");
    expect(html).not.toContain("<script>");
    expect(html).toContain("&lt;script&gt;");

    const draft = await buildDocument(server, cast, "DRAFT");
    expect((await fetch(`${base}/deliverables/${draft.id}/print`)).status).toBe(404);
    expect((await fetch(`${base}/deliverables/nope/export.md`)).status).toBe(404);
    const asMember = await fetch(`${base}/deliverables/${draft.id}/export.md`, {
      headers: { authorization: `Bearer ${cast.member.token}` },
    });
    expect(asMember.status).toBe(200);
  });
});
