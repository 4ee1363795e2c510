import type { EventRow } from "@pratica/db";
import type { Locale } from "../../core/context.js";
import { localized } from "../../core/localized.js";

/** What the map shows of an event: public fields only (no organiser, no online link, no counts). */
export type MappedEvent = Pick<
  EventRow,
  "id" | "title" | "titleIt" | "mode" | "placeName" | "address" | "startsAt" | "endsAt" | "timeZone"
> & {
  latitude: number;
  longitude: number;
  community: { slug: string; name: string; nameIt: string } | null;
};

/** Upcoming in-person events as an RFC 7946 FeatureCollection ([longitude, latitude]), for the map's second layer. */
export function eventsGeoJson(rows: MappedEvent[], locale: Locale, pageUrl: (id: string) => string) {
  return {
    type: "FeatureCollection" as const,
    features: rows.map((e) => ({
      type: "Feature" as const,
      id: e.id,
      geometry: { type: "Point" as const, coordinates: [e.longitude, e.latitude] },
      properties: {
        id: e.id,
        title: localized(locale, { en: e.title, it: e.titleIt }) ?? "",
        title_en: e.title,
        title_it: e.titleIt,
        mode: e.mode,
        place_name: e.placeName,
        address: e.address,
        starts_at: e.startsAt.toISOString(),
        ends_at: e.endsAt.toISOString(),
        time_zone: e.timeZone,
        community: e.community?.slug ?? null,
        community_name: e.community ? localized(locale, { en: e.community.name, it: e.community.nameIt }) : null,
        url: pageUrl(e.id),
      },
    })),
  };
}
