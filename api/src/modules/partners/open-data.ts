import type { OrganizationRow } from "@pratica/db";
import { stringify } from "csv-stringify/sync";
import type { Locale } from "../../core/context.js";
import { localized } from "../../core/localized.js";
import { sdgsOf, themesOf } from "./vocabulary.js";

/**
 * The directory as open data (docs/partners.md, "Open data"): CSV and GeoJSON (RFC 7946). Public
 * fields only — what the organisation page shows anyone: never an email, a contact, an
 * application, a representative or an account. Built from the organisation rows alone, so no
 * private column can slip in through a join.
 */

const CATEGORY_LABELS: Record<OrganizationRow["category"], { en: string; it: string }> = {
  PUBLIC_SECTOR: { en: "Public sector", it: "Settore pubblico" },
  FINANCE_AND_PHILANTHROPY: { en: "Finance and philanthropy", it: "Finanza e filantropia" },
  SKILLS_AND_FACILITIES: { en: "Skills and facilities", it: "Competenze e strutture" },
  THIRD_SECTOR_AND_CULTURE: { en: "Third sector and culture", it: "Terzo settore e cultura" },
  RESEARCH_AND_TECH_TRANSFER: { en: "Research and technology transfer", it: "Ricerca e trasferimento tecnologico" },
  INCUBATORS_AND_ACCELERATORS: { en: "Incubators and accelerators", it: "Incubatori e acceleratori" },
  PRIVATE_SECTOR: { en: "Private sector", it: "Settore privato" },
  PROFESSIONAL_ORDERS: { en: "Professional orders", it: "Ordini professionali" },
};

export const categoryLabel = (category: OrganizationRow["category"], locale: Locale) =>
  CATEGORY_LABELS[category][locale];

/** The CSV's columns, in order, each with its header in both languages. */
const COLUMNS = [
  ["slug", "slug", "slug"],
  ["name_en", "name_en", "nome_en"],
  ["name_it", "name_it", "nome_it"],
  ["category", "category", "categoria"],
  ["themes", "themes", "temi"],
  ["sdgs", "sdgs", "obiettivi_agenda_2030"],
  ["website", "website", "sito_web"],
  ["address", "address", "indirizzo"],
  ["district", "district", "circoscrizione"],
  ["latitude", "latitude", "latitudine"],
  ["longitude", "longitude", "longitudine"],
  ["memorandum_signed_on", "memorandum_signed_on", "data_firma_protocollo"],
  ["withdrawn_on", "withdrawn_on", "data_recesso"],
  ["url", "url", "pagina"],
] as const;

type Column = (typeof COLUMNS)[number][0];

/** The fields both formats share, for one organisation. */
function publicFields(o: OrganizationRow, locale: Locale, pageUrl: (slug: string) => string) {
  return {
    slug: o.slug,
    name_en: o.name || o.nameIt,
    name_it: o.nameIt || o.name,
    category: o.category,
    themes: themesOf(o.themes, locale),
    sdgs: sdgsOf(o.sdgs, locale).map((s) => s.number),
    website: o.website,
    address: o.address,
    district: o.district,
    memorandum_signed_on: o.memorandumSignedOn,
    withdrawn_on: o.withdrawnOn,
    url: pageUrl(o.slug),
  };
}

/** UTF-8 with a byte-order mark, so that spreadsheet programs read the accents right. */
export function partnersCsv(rows: OrganizationRow[], locale: Locale, pageUrl: (slug: string) => string): string {
  const header = COLUMNS.map(([, en, it]) => (locale === "it" ? it : en));
  const records = rows.map((o) => {
    const f = publicFields(o, locale, pageUrl);
    const cells: Record<Column, string | number | null> = {
      ...f,
      // Themes by name in the chosen language, goals by number; `;` inside one cell.
      themes: f.themes.map((t) => t.name).join("; "),
      sdgs: f.sdgs.join("; "),
      latitude: o.latitude,
      longitude: o.longitude,
    };
    return COLUMNS.map(([key]) => cells[key] ?? "");
  });
  return `\uFEFF${stringify([header, ...records])}`;
}

/** RFC 7946: a FeatureCollection of Points ([longitude, latitude], WGS 84), one per organisation with coordinates. */
export function partnersGeoJson(rows: OrganizationRow[], locale: Locale, pageUrl: (slug: string) => string) {
  return {
    type: "FeatureCollection" as const,
    features: rows
      .filter((o) => o.latitude !== null && o.longitude !== null)
      .map((o) => {
        const f = publicFields(o, locale, pageUrl);
        return {
          type: "Feature" as const,
          id: o.slug,
          geometry: { type: "Point" as const, coordinates: [o.longitude as number, o.latitude as number] },
          properties: {
            slug: f.slug,
            name: localized(locale, { en: o.name, it: o.nameIt }) ?? o.slug,
            name_en: f.name_en,
            name_it: f.name_it,
            category: f.category,
            category_label: categoryLabel(o.category, locale),
            themes: f.themes.map((t) => ({ key: t.key, name: t.name })),
            sdgs: f.sdgs,
            website: f.website,
            address: f.address,
            district: f.district,
            memorandum_signed_on: f.memorandum_signed_on,
            withdrawn_on: f.withdrawn_on,
            url: f.url,
          },
        };
      }),
  };
}
