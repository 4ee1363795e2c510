import { describe, expect, it } from "vitest";
import { gql, wsClient } from "../client.js";
import { useTestServer } from "../fixture.js";
import { collect } from "../live.js";
import { buildCast, buildDocument, EDIT, mustOk } from "./setup.js";

// CI sets TEST_REDIS_URL (and starts Redis); without it this part is skipped, loudly.
const redisUrl = process.env.TEST_REDIS_URL;
if (!redisUrl) console.warn("TEST_REDIS_URL is not set: skipping the two-instance (Redis) deliverable tests");

type Event = { deliverableEvents: { __typename: string; section?: { body: string }; user?: { id: string } } };

describe.skipIf(!redisUrl)("co-authoring across two api instances (events through Redis)", () => {
  const env = { REDIS_URL: redisUrl as string };
  const a = useTestServer(env);
  const b = useTestServer(env, () => a.database);

  it("an edit and a presence heartbeat made through one instance reach an editor on the other", async () => {
    const cast = await buildCast(a);
    const doc = await buildDocument(a, cast, "REVIEW");
    const section = doc.sections[0] as { id: string };
    const socket = wsClient(b.wsUrl, { authorization: `Bearer ${cast.coEditor.token}` });
    // In place on instance B once Redis confirmed B's channel subscription.
    const joined = b.subscribed("deliverable", doc.id);
    const sub = collect<Event>(
      socket,
      `subscription($id: ID!) { deliverableEvents(deliverableId: $id) {
        __typename ... on SectionUpdated { section { body } } ... on Presence { user { id } } } }`,
      { id: doc.id },
    );
    await joined;
    await mustOk(
      gql(
        a.url,
        `mutation($id: ID!, $s: ID) { updatePresence(deliverableId: $id, editingSectionId: $s) }`,
        { id: doc.id, s: section.id },
        { token: cast.editor.token },
      ),
    );
    await mustOk(
      gql(
        a.url,
        EDIT,
        { i: { sectionId: section.id, body: "via instance A", expectedVersion: 1 } },
        { token: cast.editor.token },
      ),
    );
    await sub.until((d) => d.length >= 2);
    expect(sub.data.map((e) => e.deliverableEvents)).toEqual([
      { __typename: "Presence", user: { id: cast.editor.id } },
      { __typename: "SectionUpdated", section: { body: "via instance A" } },
    ]);
    sub.stop();
    await socket.dispose();
  });
});
