import { randomBytes } from "node:crypto";
import { type AccountTokenRow, accountTokens, type Executor } from "@pratica/db";
import { and, eq, isNull } from "drizzle-orm";
import { DomainError } from "../../core/errors.js";
import { hashToken } from "./session.service.js";

export type AccountTokenPurpose = AccountTokenRow["purpose"];

/** How long each kind of link works. */
export const TOKEN_TTL_MS: Record<AccountTokenPurpose, number> = {
  VERIFY_EMAIL: 3 * 86_400_000,
  RESET_PASSWORD: 3_600_000,
  CHANGE_EMAIL: 86_400_000,
  INVITATION: 14 * 86_400_000,
};

/** Why a link did not work; clients show a message and offer to send a new one. */
export type TokenRefusal = "UNKNOWN" | "EXPIRED" | "USED";

const MESSAGES: Record<TokenRefusal, string> = {
  UNKNOWN: "This link is not valid. Ask for a new one.",
  EXPIRED: "This link has expired. Ask for a new one.",
  USED: "This link has already been used. Ask for a new one if you still need it.",
};

/** BAD_USER_INPUT on `token`, with `reason` saying which of the three it was. */
export const tokenRefused = (reason: TokenRefusal) =>
  new DomainError("BAD_USER_INPUT", MESSAGES[reason], { field: "token", reason });

export type IssueToken = {
  purpose: AccountTokenPurpose;
  /** The address the link is sent to. */
  email: string;
  userId?: string | null | undefined;
  payload?: Record<string, unknown> | undefined;
  createdBy?: string | null | undefined;
  now?: Date | undefined;
};

/**
 * Single-use tokens for links sent by email: 256 random bits handed out once, only their SHA-256
 * kept (a leaked table leaks no usable link). Issued and used inside the caller's unit of work,
 * so a link exists only if the write that sends it commits, and is spent only if the write it
 * allows commits.
 */
export async function issueToken(tx: Executor, issue: IssueToken): Promise<{ token: string; row: AccountTokenRow }> {
  const token = randomBytes(32).toString("base64url");
  const now = issue.now ?? new Date();
  const [row] = await tx
    .insert(accountTokens)
    .values({
      purpose: issue.purpose,
      email: issue.email,
      userId: issue.userId ?? null,
      payload: issue.payload ?? {},
      createdBy: issue.createdBy ?? null,
      tokenHash: hashToken(token),
      createdAt: now,
      expiresAt: new Date(now.getTime() + TOKEN_TTL_MS[issue.purpose]),
    })
    .returning();
  if (!row) throw new Error("account token not stored");
  return { token, row };
}

/**
 * Spends a token: locks its row (two clicks at once: one wins, the other reads it used), checks
 * purpose, expiry and use, and marks it used. Throws `tokenRefused` otherwise.
 */
export async function consumeToken(
  tx: Executor,
  purpose: AccountTokenPurpose,
  token: string,
  now: Date = new Date(),
): Promise<AccountTokenRow> {
  if (!token || token.length > 200) throw tokenRefused("UNKNOWN");
  const [row] = await tx
    .select()
    .from(accountTokens)
    .where(and(eq(accountTokens.tokenHash, hashToken(token)), eq(accountTokens.purpose, purpose)))
    .for("update")
    .limit(1);
  if (!row) throw tokenRefused("UNKNOWN");
  if (row.usedAt) throw tokenRefused("USED");
  if (row.expiresAt.getTime() <= now.getTime()) throw tokenRefused("EXPIRED");
  await tx.update(accountTokens).set({ usedAt: now }).where(eq(accountTokens.id, row.id));
  return row;
}

/** Spends every open token of one purpose for an account, e.g. older reset links after a reset. */
export async function retireTokens(tx: Executor, userId: string, purpose: AccountTokenPurpose, now = new Date()) {
  await tx
    .update(accountTokens)
    .set({ usedAt: now })
    .where(and(eq(accountTokens.userId, userId), eq(accountTokens.purpose, purpose), isNull(accountTokens.usedAt)));
}
