import { type Database, users } from "@pratica/db";
import { and, asc, eq, gt, isNull, sql } from "drizzle-orm";
import { unauthenticated } from "../../core/errors.js";
import type { Viewer } from "../../core/viewer.js";
import type { AccountGuard } from "./account.guard.js";
import { EXPORT_SECTIONS, type ExportSection } from "./export-sections.js";

/** Bumped when a section changes shape or meaning; readers of old archives check it. */
export const EXPORT_FORMAT_VERSION = 1;
const PAGE = 500;

const ABOUT = {
  en: "Everything your Pratica account holds and wrote, as of exportedAt: your profile and preferences, your memberships, what you posted, proposed, edited, commented, endorsed, voted for and saved, and your notifications. Ids refer to Pratica's communities, threads, documents and people; no one else's email address is included.",
  it: "Tutto ciò che il tuo account Pratica contiene e ha scritto, alla data exportedAt: profilo e preferenze, iscrizioni, ciò che hai pubblicato, proposto, modificato, commentato, sostenuto, votato e salvato, e le tue notifiche. Gli id si riferiscono a comunità, discussioni, documenti e persone di Pratica; non contiene l'indirizzo email di nessun altro.",
};

/** Where the archive goes, a piece at a time: the HTTP response, honouring its back-pressure. */
export type Sink = (chunk: string) => Promise<void>;

/**
 * The viewer's data as one JSON document, written as it is read: each section is read in pages of
 * 500 rows (keyset on a unique key), so a prolific member's archive never sits whole in memory.
 */
export class AccountExport {
  constructor(
    private readonly db: Database,
    private readonly guard: AccountGuard,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /** Refuses the anonymous and the over-eager before a byte is written; answers the file's name. */
  async admit(viewer: Viewer | null): Promise<{ fileName: string }> {
    if (!viewer) throw unauthenticated("Log in to download your data.");
    await this.guard.admitExport(viewer.id);
    const [user] = await this.db
      .select({ handle: users.handle })
      .from(users)
      .where(and(eq(users.id, viewer.id), isNull(users.deletedAt)));
    if (!user) throw unauthenticated();
    return { fileName: `pratica-${user.handle}-${this.clock().toISOString().slice(0, 10)}.json` };
  }

  async write(viewer: Viewer, sink: Sink): Promise<void> {
    const [profile] = await this.db
      .select({
        id: users.id,
        email: users.email,
        handle: users.handle,
        displayName: users.displayName,
        bio: users.bio,
        role: users.role,
        emailVerifiedAt: users.emailVerifiedAt,
        createdAt: users.createdAt,
        locale: users.locale,
        timeZone: users.timeZone,
        emailDelivery: users.emailDelivery,
        digestHour: users.digestHour,
        lastDigestAt: users.lastDigestAt,
      })
      .from(users)
      .where(eq(users.id, viewer.id));
    if (!profile) throw unauthenticated();
    const { locale, timeZone, emailDelivery, digestHour, lastDigestAt, ...person } = profile;
    const head = {
      format: "pratica-account-export",
      formatVersion: EXPORT_FORMAT_VERSION,
      exportedAt: this.clock(),
      about: ABOUT,
      profile: person,
      preferences: { locale, timeZone, emailDelivery, digestHour, lastDigestAt },
    };
    // The head as an object without its closing brace, then each section as a member.
    await sink(JSON.stringify(head).slice(0, -1));
    for (const section of EXPORT_SECTIONS) {
      await sink(`,${JSON.stringify(section.name)}:[`);
      let first = true;
      for await (const row of this.rows(section, viewer.id)) {
        await sink((first ? "" : ",") + JSON.stringify(row));
        first = false;
      }
      await sink("]");
    }
    await sink("}\n");
  }

  private async *rows(section: ExportSection, userId: string): AsyncGenerator<Record<string, unknown>> {
    let after: string | null = null;
    for (;;) {
      const page: Record<string, unknown>[] = await this.db
        .select({ ...section.columns, _key: sql<string>`${section.key}`.as("_key") })
        .from(section.table)
        .where(and(section.mine(userId), after === null ? undefined : gt(section.key, after)))
        .orderBy(asc(section.key))
        .limit(PAGE);
      for (const { _key, ...row } of page) yield row;
      if (page.length < PAGE) return;
      after = String(page.at(-1)?._key);
    }
  }
}
