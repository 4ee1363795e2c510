/**
 * The ecosystem's shared vocabulary (themes and the 2030 Agenda's goals) and the limits of what
 * an organisation applying to join, and the directory's filters, accept. Labels in both
 * languages: the api puts them in exports, the web on screen.
 */

export type Theme = { key: string; en: string; it: string };

/** The themes the communities work on; an organisation names those it works on too. */
export const THEMES = [
  { key: "benefit-corporations", en: "Benefit corporations and B Corps", it: "Società benefit e B Corp" },
  { key: "circular-economy", en: "Circular economy", it: "Economia circolare" },
  { key: "gender-equality", en: "Gender equality", it: "Parità di genere" },
  { key: "youth-employment", en: "Young people, education and work", it: "Giovani, formazione e lavoro" },
  { key: "pro-bono", en: "Pro bono professional work", it: "Attività professionale pro bono" },
  { key: "impact-finance", en: "Impact finance", it: "Finanza d'impatto" },
  { key: "social-procurement", en: "Social procurement", it: "Acquisti sociali" },
  { key: "urban-regeneration", en: "Urban regeneration", it: "Rigenerazione urbana" },
  { key: "social-inclusion", en: "Welfare and social inclusion", it: "Welfare e inclusione sociale" },
  { key: "social-innovation", en: "Social innovation and research", it: "Innovazione sociale e ricerca" },
] as const satisfies readonly Theme[];

export type ThemeKey = (typeof THEMES)[number]["key"];
export const THEME_KEYS: readonly ThemeKey[] = THEMES.map((t) => t.key);

/** The 17 Sustainable Development Goals of the UN 2030 Agenda, by number. */
export const SDGS = [
  { n: 1, en: "No poverty", it: "Sconfiggere la povertà" },
  { n: 2, en: "Zero hunger", it: "Sconfiggere la fame" },
  { n: 3, en: "Good health and well-being", it: "Salute e benessere" },
  { n: 4, en: "Quality education", it: "Istruzione di qualità" },
  { n: 5, en: "Gender equality", it: "Parità di genere" },
  { n: 6, en: "Clean water and sanitation", it: "Acqua pulita e servizi igienico-sanitari" },
  { n: 7, en: "Affordable and clean energy", it: "Energia pulita e accessibile" },
  { n: 8, en: "Decent work and economic growth", it: "Lavoro dignitoso e crescita economica" },
  { n: 9, en: "Industry, innovation and infrastructure", it: "Imprese, innovazione e infrastrutture" },
  { n: 10, en: "Reduced inequalities", it: "Ridurre le disuguaglianze" },
  { n: 11, en: "Sustainable cities and communities", it: "Città e comunità sostenibili" },
  { n: 12, en: "Responsible consumption and production", it: "Consumo e produzione responsabili" },
  { n: 13, en: "Climate action", it: "Lotta contro il cambiamento climatico" },
  { n: 14, en: "Life below water", it: "Vita sott'acqua" },
  { n: 15, en: "Life on land", it: "Vita sulla terra" },
  { n: 16, en: "Peace, justice and strong institutions", it: "Pace, giustizia e istituzioni solide" },
  { n: 17, en: "Partnerships for the goals", it: "Partnership per gli obiettivi" },
] as const;

export const SDG_MIN = 1;
export const SDG_MAX = 17;

/** Coordinates: WGS 84 degrees, as GeoJSON (RFC 7946) and the map take them. */
export const LATITUDE_MIN = -90;
export const LATITUDE_MAX = 90;
export const LONGITUDE_MIN = -180;
export const LONGITUDE_MAX = 180;

export const DISTRICT_MAX = 80;
export const APPLICATION_MOTIVATION_MIN = 20;
export const APPLICATION_MOTIVATION_MAX = 4000;
export const APPLICATION_MESSAGE_MAX = 2000;
export const CONTACT_NAME_MAX = 120;
export const CONTACT_PHONE_MAX = 40;
/** Digits, spaces, and + ( ) - . / as people write phone numbers. */
export const CONTACT_PHONE_PATTERN = /^\+?[0-9 ()./-]{6,40}$/;
export const WITHDRAWAL_REASON_MAX = 1000;

/** The memorandum's first signatures: the directory's signing-year filter starts here. */
export const MEMORANDUM_FIRST_YEAR = 2017;
