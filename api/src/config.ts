import proxyAddr from "proxy-addr";
import { z } from "zod";
import { NEW_MEMBER_DEFAULTS } from "./modules/trust/trust.defaults.js";

const flag = z.enum(["0", "1"]).transform((v) => v === "1");
/** An empty variable (compose's `${X:-}`) means unset. */
const unsetWhenEmpty = (v: unknown) => (v === "" ? undefined : v);

const schema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    PORT: z.coerce.number().int().min(0).max(65_535).default(4000),
    DATABASE_URL: z.string().url().optional(),
    PGLITE_DIR: z.string().min(1).optional(),
    REDIS_URL: z.string().url().optional(),
    SEED_DEMO: flag.optional(),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    WEB_DIST_DIR: z.string().optional(),
    /** Origins allowed to open a cookie-authenticated WebSocket besides the server's own. */
    PUBLIC_ORIGIN: z.string().url().optional(),
    /** Outgoing mail server (`smtp://` or `smtps://`); unset, mail waits in the job queue. */
    SMTP_URL: z
      .string()
      .url()
      .refine((url) => /^smtps?:\/\//.test(url), { message: "must start with smtp:// or smtps://" })
      .optional(),
    /** The sender of every email. */
    MAIL_FROM: z.string().min(3).default("Pratica <no-reply@localhost>"),
    /** How often an idle mail sender asks the queue for work, in seconds (pg-boss's minimum is 0.5). */
    MAIL_POLL_SECONDS: z.coerce.number().min(0.5).max(60).default(2),
    /**
     * Signs links that only select a scope (one-click unsubscribe): at least 32 characters, kept
     * secret, the same on every api instance. Required in production; a fixed development value otherwise.
     */
    SIGNING_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
    SESSION_TTL_DAYS: z.coerce.number().int().min(1).max(365).default(30),
    /**
     * New-member limits (docs/moderation.md, "New-member limits"): how long an account stays new
     * unless vouched for, and what it may post meanwhile. Defaults follow Discourse's new-user level.
     */
    NEW_MEMBER_DAYS: z.coerce.number().min(0).max(365).default(NEW_MEMBER_DEFAULTS.newMemberDays),
    NEW_MEMBER_THREADS_PER_DAY: z.coerce.number().int().min(1).max(1000).default(NEW_MEMBER_DEFAULTS.threadsPerDay),
    NEW_MEMBER_REPLIES_PER_MINUTE: z.coerce
      .number()
      .int()
      .min(1)
      .max(1000)
      .default(NEW_MEMBER_DEFAULTS.repliesPerMinute),
    NEW_MEMBER_LINKS_PER_POST: z.coerce.number().int().min(0).max(1000).default(NEW_MEMBER_DEFAULTS.linksPerPost),
    NEW_MEMBER_MENTIONS_PER_POST: z.coerce.number().int().min(0).max(1000).default(NEW_MEMBER_DEFAULTS.mentionsPerPost),
    /**
     * The partner map's tiles: a URL template with {z}/{x}/{y} (and optionally {s}), e.g. your own
     * tile server. Unset, the map shows markers, clusters and the list without tiles; no public
     * tile server is ever contacted by default.
     */
    MAP_TILE_URL: z.preprocess(
      unsetWhenEmpty,
      z
        .string()
        .refine((url) => /^https?:\/\/[^/\s]+\/\S*\{z\}\S*\{x\}\S*\{y\}/.test(url), {
          message:
            "must be an http(s) URL template with {z}, {x} and {y}, e.g. https://tiles.example.org/{z}/{x}/{y}.png",
        })
        .optional(),
    ),
    /** The tiles' attribution (required by most tile licences), shown on the map. */
    MAP_ATTRIBUTION: z.preprocess(unsetWhenEmpty, z.string().max(500).optional()),
    /** The longest one search's query may run before it is refused (QUERY_TOO_COMPLEX). */
    SEARCH_TIMEOUT_MS: z.coerce.number().int().min(1).max(60_000).default(1000),
    /** How often the observatory's figures are refreshed, in minutes (docs/observatory.md; 60 is hourly). */
    OBSERVATORY_REFRESH_MINUTES: z.coerce.number().int().min(1).max(60).default(15),
    /** How long a refresh asked for by a write waits, gathering a burst of writes into one refresh. */
    OBSERVATORY_REFRESH_DELAY_SECONDS: z.coerce.number().int().min(1).max(600).default(10),
    /**
     * The reverse proxies whose X-Forwarded-For is believed: comma-separated addresses, CIDRs
     * or proxy-addr's names (loopback, linklocal, uniquelocal). Unset: no proxy, the peer is
     * the client.
     */
    TRUST_PROXY: z
      .string()
      .optional()
      .transform((value) =>
        (value ?? "")
          .split(",")
          .map((part) => part.trim())
          .filter(Boolean),
      )
      .refine(compiles, { message: "not a list of addresses, CIDRs or loopback/linklocal/uniquelocal" }),
  })
  .superRefine((env, ctx) => {
    // Accounts cannot be recovered or confirmed without mail: a production server must not start without it.
    if (env.NODE_ENV === "production" && !env.SIGNING_SECRET) {
      ctx.addIssue({
        code: "custom",
        path: ["SIGNING_SECRET"],
        message:
          "is required when NODE_ENV=production: at least 32 random characters, the same on every api instance (e.g. `openssl rand -base64 48`)",
      });
    }
    if (env.NODE_ENV === "production" && !env.SMTP_URL) {
      ctx.addIssue({
        code: "custom",
        path: ["SMTP_URL"],
        message:
          'is required when NODE_ENV=production: set it to your mail server, e.g. smtp://user:password@mail.example.org:587 (docs/operations.md, "Email")',
      });
    }
  })
  .transform((env) => ({
    ...env,
    production: env.NODE_ENV === "production",
    // Without an SMTP server, in development, mail is kept in the development mailbox (/dev/mail).
    // Not under NODE_ENV=test: a test server polls for mail only when its test sends some.
    devMailbox: env.NODE_ENV === "development" && !env.SMTP_URL,
    signingSecret: env.SIGNING_SECRET ?? "pratica-development-signing-secret-not-for-production",
    // Demo data is never seeded in production, whatever SEED_DEMO says.
    seedDemo: env.NODE_ENV === "production" ? false : (env.SEED_DEMO ?? true),
  }));

export type Config = z.infer<typeof schema>;

function compiles(trusted: string[]): boolean {
  try {
    proxyAddr.compile(trusted);
    return true;
  } catch {
    return false;
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid configuration: ${problems}`);
  }
  return parsed.data;
}
