import type { Programme } from "@pratica/rules";

/**
 * Which programmes fit an organisation by its category (docs/hub.md, "Matching"): a call matches an
 * organisation when their themes overlap, or when the call's programme is listed here for the
 * organisation's category. Only programmes whose calls such organisations typically apply for or
 * lead: the table is a suggestion, never a rule about eligibility.
 */
export const PROGRAMMES_BY_CATEGORY: Record<string, readonly Programme[]> = {
  PUBLIC_SECTOR: ["INTERREG", "CERV", "ESF_PLUS", "LIFE", "AMIF"],
  FINANCE_AND_PHILANTHROPY: ["ESF_PLUS", "SMP"],
  SKILLS_AND_FACILITIES: ["ERASMUS_PLUS", "ESF_PLUS"],
  THIRD_SECTOR_AND_CULTURE: ["CERV", "CREATIVE_EUROPE", "ESF_PLUS", "ERASMUS_PLUS", "AMIF"],
  RESEARCH_AND_TECH_TRANSFER: ["HORIZON", "DIGITAL"],
  INCUBATORS_AND_ACCELERATORS: ["SMP", "HORIZON", "DIGITAL"],
  PRIVATE_SECTOR: ["SMP", "DIGITAL", "LIFE"],
  PROFESSIONAL_ORDERS: ["ESF_PLUS", "ERASMUS_PLUS"],
};

export const programmesFor = (category: string): readonly Programme[] => PROGRAMMES_BY_CATEGORY[category] ?? [];
