import { describe, expect, it } from "vitest";
import { gql } from "../client.js";
import { startTestServer } from "../server.js";

type LogLine = { level: number; msg: string; req?: { url: string; headers: Record<string, string> }; res?: unknown };

/**
 * The request log lines a server writes at `level` for a GraphQL query and a page fetched with
 * credentials. Read after the server has stopped: by then every response has finished, and so
 * has every log line written when it did.
 */
async function requestLinesAt(level: string): Promise<LogLine[]> {
  const lines: LogLine[] = [];
  const logTo = { write: (line: string) => void lines.push(JSON.parse(line) as LogLine) };
  const server = await startTestServer({ LOG_LEVEL: level }, undefined, { logTo });
  try {
    expect((await gql(server.url, "{ viewer { id } }")).errors).toBeUndefined();
    const page = await fetch(server.url.replace(/\/graphql$/, "/search?q=x"), {
      headers: { authorization: "Bearer secret-token", cookie: "pratica_session=secret-cookie" },
    });
    await page.arrayBuffer();
  } finally {
    await server.stop();
  }
  return lines.filter((line) => line.req !== undefined);
}

describe("request logs", () => {
  it("are not written at the default level (info)", async () => {
    expect(await requestLinesAt("info")).toEqual([]);
  });

  it("are written at debug, one line per request, without credentials", async () => {
    const lines = await requestLinesAt("debug");
    expect(lines.map((line) => [line.level, line.msg, line.req?.url])).toEqual([
      [20, "request completed", "/graphql"],
      [20, "request completed", "/search?q=x"],
    ]);
    const headers = lines[1]?.req?.headers;
    expect(headers?.authorization).toBe("[Redacted]");
    expect(headers?.cookie).toBe("[Redacted]");
    expect(JSON.stringify(lines)).not.toMatch(/secret-(token|cookie)/);
  });
});
