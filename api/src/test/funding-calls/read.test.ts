import { describe, expect, it } from "vitest";
import { errorCode } from "../client.js";
import { createFundingCall } from "../factories/funding-call.js";
import { useTestServer } from "../fixture.js";
import { request } from "./support.js";

const server = useTestServer();
const send = request(() => server.url);

const CALL = `query($id: ID!) { fundingCall(id: $id) {
  id source identifier callIdentifier title programme status opensAt deadlineAt deadlineTimeZone
  budgetTotal expectedGrants keywords themes { key name } archived revision } }`;

describe("fundingCall", () => {
  it("anyone reads a call; an unknown or malformed id is NOT_FOUND", async () => {
    const call = await createFundingCall(server.db, { budgetTotal: 12_000_000 });
    const res = await send(undefined, CALL, { id: call.id });
    expect(res.data?.fundingCall).toMatchObject({
      id: call.id,
      source: "EU_FT",
      programme: "HORIZON",
      status: "OPEN",
      budgetTotal: 12_000_000,
      themes: [{ key: "social-innovation", name: "Innovazione sociale e ricerca" }],
      archived: false,
      revision: 1,
    });
    expect(errorCode(await send(undefined, CALL, { id: "00000000-0000-4000-8000-000000000000" }))).toBe("NOT_FOUND");
    expect(errorCode(await send(undefined, CALL, { id: "nope" }))).toBe("NOT_FOUND");
  });
});
