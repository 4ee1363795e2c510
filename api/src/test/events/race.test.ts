import { eventRegistrations } from "@pratica/db";
import { asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { addMember, buildUser } from "../factories.js";
import { useTestServer } from "../fixture.js";
import { buildCast, buildEvent, hooks, REGISTER, request } from "./support.js";

// Races need real locks: PostgreSQL only.
const onPostgres = it.runIf(process.env.TEST_DB === "postgres");
const server = useTestServer({}, undefined, hooks);
const send = request(() => server.url);

describe("seats taken under the event's row lock", () => {
  onPostgres("50 registering at once for 10 seats: exactly 10 CONFIRMED, 40 WAITLISTED in order", async () => {
    const cast = await buildCast(server.db);
    const event = await buildEvent(server.db, cast, { capacity: 10 });
    const people = await Promise.all(Array.from({ length: 50 }, () => buildUser(server.db)));
    for (const p of people) await addMember(server.db, cast.community, p);
    const answers = await Promise.all(people.map((p) => send(p, REGISTER, { id: event.id })));
    expect(answers.filter((a) => a.errors)).toEqual([]);
    const statuses = answers.map((a) => a.data?.registerForEvent.status);
    expect(statuses.filter((s) => s === "CONFIRMED")).toHaveLength(10);
    expect(statuses.filter((s) => s === "WAITLISTED")).toHaveLength(40);
    // In order: the confirmed came first in the list, and the waitlisted hold places 1..40 as they came.
    const rows = await server.db
      .select()
      .from(eventRegistrations)
      .where(eq(eventRegistrations.eventId, event.id))
      .orderBy(asc(eventRegistrations.queuePosition));
    expect(rows.map((r) => r.status)).toEqual([...Array(10).fill("CONFIRMED"), ...Array(40).fill("WAITLISTED")]);
    const places = answers
      .map((a) => a.data?.registerForEvent.queuePosition)
      .filter((p): p is number => p !== null)
      .sort((a, b) => a - b);
    expect(places).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
  });
});
