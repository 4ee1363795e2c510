/**
 * The raw baseline of the thread page: `node:http` + postgres.js + `JSON.stringify`, no GraphQL.
 * It answers POST /graphql with the body the api would give to the thread-page query of
 * thread-page.ts (the same JSON shape and field order) for `variables.id`, using the least SQL
 * the page needs:
 *
 *   1. the thread (with its community's visibility: only PUBLIC communities are readable
 *      anonymously) and 2. its first 51 posts by seq, in parallel;
 *   3. the quoted posts with their authors, 4. the authors of the thread and the posts,
 *   5. the reaction counts grouped by post and kind, in parallel.
 *
 * PORT and DATABASE_URL (default: the bench database) from the environment; GET /healthz. It stops
 * by itself after RAW_SERVER_MAX_SECONDS (default 600).
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import postgres from "postgres";
import { benchDatabaseUrl } from "./lib/common.js";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PAGE = 50;

// The api's pool has 10 connections too (createDatabase's default) and prepares statements.
const sql = postgres(process.env.DATABASE_URL ?? benchDatabaseUrl(), {
  max: 10,
  prepare: true,
  onnotice: () => {},
});

type ThreadRow = { id: string; title: string; body: string; author_id: string; visibility: string };
type PostRow = {
  id: string;
  seq: string;
  body: string;
  created_at: Date;
  author_id: string;
  reply_to_id: string | null;
  deleted_at: Date | null;
};
type QuotedRow = { id: string; body: string; deleted_at: Date | null; author_id: string; display_name: string };
type UserRow = { id: string; display_name: string };
type ReactionRow = { post_id: string; kind: string; count: number };

async function threadPage(id: string) {
  const [threads, posts] = await Promise.all([
    sql<ThreadRow[]>`
      select t.id, t.title, t.body, t.author_id, c.visibility
      from threads t join communities c on c.id = t.community_id
      where t.id = ${id}`,
    sql<PostRow[]>`
      select id, seq, body, created_at, author_id, reply_to_id, deleted_at
      from posts where thread_id = ${id} order by seq limit ${PAGE + 1}`,
  ]);
  const thread = threads[0];
  if (!thread) return { status: 200, body: { errors: [{ message: "Thread not found." }], data: { thread: null } } };
  if (thread.visibility !== "PUBLIC") {
    return { status: 200, body: { errors: [{ message: "Log in to read this." }], data: { thread: null } } };
  }

  const page = posts.slice(0, PAGE);
  const postIds = page.map((p) => p.id);
  const quotedIds = [...new Set(page.flatMap((p) => (p.reply_to_id ? [p.reply_to_id] : [])))];
  const authorIds = [...new Set([thread.author_id, ...page.map((p) => p.author_id)])];
  const [quoted, authors, reactions] = await Promise.all([
    quotedIds.length === 0
      ? []
      : sql<QuotedRow[]>`
          select p.id, p.body, p.deleted_at, u.id as author_id, u.display_name
          from posts p join users u on u.id = p.author_id
          where p.id = any(${quotedIds}::uuid[])`,
    sql<UserRow[]>`select id, display_name from users where id = any(${authorIds}::uuid[])`,
    sql<ReactionRow[]>`
      select post_id, kind, count(*)::int as count
      from reactions where post_id = any(${postIds}::uuid[])
      group by post_id, kind order by kind`,
  ]);

  const userById = new Map(authors.map((u) => [u.id, { id: u.id, displayName: u.display_name }]));
  const quotedById = new Map(
    quoted.map((q) => [
      q.id,
      { id: q.id, body: q.deleted_at ? "" : q.body, author: { id: q.author_id, displayName: q.display_name } },
    ]),
  );
  const reactionsByPost = new Map<string, { kind: string; count: number; viewerReacted: boolean }[]>();
  for (const r of reactions) {
    let list = reactionsByPost.get(r.post_id);
    if (!list) {
      list = [];
      reactionsByPost.set(r.post_id, list);
    }
    list.push({ kind: r.kind, count: r.count, viewerReacted: false });
  }

  const edges = page.map((p) => {
    const cursor = String(p.seq);
    return {
      cursor,
      node: {
        id: p.id,
        body: p.deleted_at ? "" : p.body,
        createdAt: p.created_at.toISOString(),
        author: userById.get(p.author_id) ?? null,
        replyTo: p.reply_to_id ? (quotedById.get(p.reply_to_id) ?? null) : null,
        reactions: reactionsByPost.get(p.id) ?? [],
      },
    };
  });
  return {
    status: 200,
    body: {
      data: {
        thread: {
          id: thread.id,
          title: thread.title,
          body: thread.body,
          author: userById.get(thread.author_id) ?? null,
          posts: {
            edges,
            pageInfo: { hasNextPage: posts.length > PAGE, endCursor: edges.at(-1)?.cursor ?? null },
          },
        },
      },
    },
  };
}

function send(res: ServerResponse, status: number, body: unknown) {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(text),
  });
  res.end(text);
}

async function handle(req: IncomingMessage, res: ServerResponse) {
  if (req.method === "GET" && req.url === "/healthz") {
    await sql`select 1`;
    return send(res, 200, { status: "ok" });
  }
  if (req.method !== "POST" || req.url !== "/graphql") return send(res, 404, { error: "not found" });
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  let id: unknown;
  try {
    id = (JSON.parse(Buffer.concat(chunks).toString("utf8")) as { variables?: { id?: unknown } }).variables?.id;
  } catch {
    return send(res, 400, { errors: [{ message: "Bad JSON" }] });
  }
  if (typeof id !== "string" || !UUID.test(id)) return send(res, 200, { errors: [{ message: "Thread not found." }] });
  const { status, body } = await threadPage(id);
  send(res, status, body);
}

const server = createServer((req, res) => {
  handle(req, res).catch((err: unknown) => {
    console.error(err);
    if (!res.headersSent) send(res, 500, { errors: [{ message: "Internal error" }] });
  });
});
server.keepAliveTimeout = 60_000;
const port = Number(process.env.PORT ?? 4100);
server.listen(port, "127.0.0.1", () => console.log(`raw thread-page server on http://127.0.0.1:${port}`));

function shutdown() {
  server.close();
  server.closeAllConnections();
  sql.end({ timeout: 2 }).finally(() => process.exit(0));
}
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, shutdown);
// Never outlives a forgotten run: stops by itself after RAW_SERVER_MAX_SECONDS (default 600).
setTimeout(shutdown, Number(process.env.RAW_SERVER_MAX_SECONDS ?? 600) * 1000);
