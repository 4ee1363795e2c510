import { badInput } from "../../core/errors.js";

/**
 * Thread-list cursors carry the sort key of the last row: [pinned, key, id], where key is an
 * ISO time or a reply count. Post and event cursors are plain sequence numbers.
 */
export type ThreadPosition = { pinned: boolean; key: string | number; id: string };

export const encodeThreadCursor = (p: ThreadPosition) =>
  Buffer.from(JSON.stringify([p.pinned, p.key, p.id])).toString("base64url");

export function decodeThreadCursor(cursor: string | null | undefined): ThreadPosition | null {
  if (cursor == null) return null;
  try {
    const v: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (
      Array.isArray(v) &&
      typeof v[0] === "boolean" &&
      ["string", "number"].includes(typeof v[1]) &&
      typeof v[2] === "string"
    ) {
      return { pinned: v[0], key: v[1], id: v[2] };
    }
  } catch {
    // the clear error below
  }
  throw badInput("after", "after is not a valid cursor.");
}

/** A sequence cursor ("123"): posts by seq, thread events by id. */
export function decodeSeqCursor(cursor: string | null | undefined, field = "after"): number | null {
  if (cursor == null) return null;
  if (!/^\d{1,15}$/.test(cursor)) throw badInput(field, `${field} is not a valid cursor.`);
  return Number(cursor);
}
