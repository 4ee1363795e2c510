import { z } from "zod";
import { cursorId, cursorInt4, cursorTime, jsonCursor } from "../../core/pagination.js";

/**
 * Thread-list cursors (and the library's, built the same way) carry the sort key of the last
 * row: [pinned or featured, key, id], where key is an ISO time or a count (an int4 column).
 * Post and event cursors are plain sequence numbers (core/pagination.ts).
 */
export type ThreadPosition = { pinned: boolean; key: string | number; id: string };

export const encodeThreadCursor = (p: ThreadPosition) =>
  Buffer.from(JSON.stringify([p.pinned, p.key, p.id])).toString("base64url");

const sortedBy = <K extends z.ZodType>(key: K) =>
  jsonCursor(z.tuple([z.boolean(), key, cursorId])).transform(([pinned, value, id]) => ({ pinned, key: value, id }));

/** The cursors of a list sorted by a time or by a count, for decodeCursor. */
export const threadCursor = { time: sortedBy(cursorTime), count: sortedBy(cursorInt4) };
