// The ecosystem's profile of each seeded organisation (the city district of its address, the
// themes and 2030 Agenda goals it works on), the communities' themes, and the demo's pending
// membership application. Theme keys are those of @pratica/rules (ecosystem.ts THEMES); the api's
// seed test checks every one against that vocabulary.

/** Torino's eight districts (circoscrizioni, since 2016), named as the city writes them, shortened to fit 80 characters. */
export const DISTRICTS = {
  1: "Circoscrizione 1 — Centro, Crocetta",
  2: "Circoscrizione 2 — Santa Rita, Mirafiori Nord, Mirafiori Sud",
  3: "Circoscrizione 3 — San Paolo, Cenisia, Pozzo Strada, Cit Turin, Borgata Lesna",
  4: "Circoscrizione 4 — San Donato, Campidoglio, Parella",
  5: "Circoscrizione 5 — Borgo Vittoria, Madonna di Campagna, Lucento, Vallette",
  6: "Circoscrizione 6 — Barriera di Milano, Regio Parco, Barca, Falchera",
  7: "Circoscrizione 7 — Aurora, Vanchiglia, Sassi, Madonna del Pilone",
  8: "Circoscrizione 8 — San Salvario, Borgo Po, Nizza Millefonti, Lingotto",
} as const;

export type PartnerProfile = {
  /** A Torino district, or the town's name in the metropolitan area; null without an address. */
  district: string | null;
  themes: string[];
  sdgs: number[];
};

/** Every seeded organisation's profile, by slug (data.test.ts checks that each has one). */
export const partnerProfiles: Readonly<Record<string, PartnerProfile>> = {
  "city-social-innovation": {
    district: DISTRICTS[1],
    themes: ["social-innovation", "urban-regeneration", "social-inclusion"],
    sdgs: [11, 16, 17],
  },
  "metropolitan-employment-agency": {
    district: DISTRICTS[6],
    themes: ["youth-employment", "social-inclusion"],
    sdgs: [4, 8, 10],
  },
  "regional-green-procurement-office": {
    district: DISTRICTS[7],
    themes: ["social-procurement", "circular-economy"],
    sdgs: [12, 13],
  },
  "dora-community-foundation": {
    district: DISTRICTS[1],
    themes: ["impact-finance", "social-inclusion"],
    sdgs: [1, 10, 17],
  },
  "borgo-credit-cooperative": {
    district: DISTRICTS[1],
    themes: ["impact-finance", "benefit-corporations"],
    sdgs: [8, 10],
  },
  "subalpine-outcomes-fund": { district: null, themes: ["impact-finance", "youth-employment"], sdgs: [8, 17] },
  "lingotto-vocational-centre": { district: DISTRICTS[8], themes: ["youth-employment"], sdgs: [4, 8] },
  "aurora-makerspace": {
    district: DISTRICTS[7],
    themes: ["circular-economy", "youth-employment", "social-innovation"],
    sdgs: [4, 9, 12],
  },
  "ponte-aperto-cooperative": {
    district: DISTRICTS[6],
    themes: ["social-inclusion", "youth-employment"],
    sdgs: [1, 8, 10],
  },
  "san-salvario-neighbourhood-house": {
    district: DISTRICTS[8],
    themes: ["urban-regeneration", "social-inclusion", "gender-equality"],
    sdgs: [5, 10, 11],
  },
  "seconda-vita-reuse-association": {
    district: DISTRICTS[7],
    themes: ["circular-economy", "social-inclusion"],
    sdgs: [12],
  },
  "impact-measurement-centre": {
    district: DISTRICTS[7],
    themes: ["social-innovation", "impact-finance"],
    sdgs: [9, 17],
  },
  "circular-materials-lab": {
    district: DISTRICTS[1],
    themes: ["circular-economy", "social-innovation"],
    sdgs: [9, 12],
  },
  "rampa-incubator": { district: DISTRICTS[6], themes: ["social-innovation", "urban-regeneration"], sdgs: [8, 9] },
  "fucina-impact-accelerator": {
    district: DISTRICTS[4],
    themes: ["social-innovation", "impact-finance", "benefit-corporations"],
    sdgs: [8, 9],
  },
  "verdemela-catering": {
    district: DISTRICTS[2],
    themes: ["benefit-corporations", "circular-economy", "social-procurement"],
    sdgs: [2, 12],
  },
  "alpi-logistics": { district: DISTRICTS[5], themes: ["circular-economy"], sdgs: [11, 13] },
  "ferro-luce-lighting": {
    district: DISTRICTS[2],
    themes: ["benefit-corporations", "circular-economy"],
    sdgs: [7, 12],
  },
  "order-accountants": {
    district: DISTRICTS[1],
    themes: ["pro-bono", "benefit-corporations", "impact-finance"],
    sdgs: [8, 16, 17],
  },
  "order-notaries": { district: DISTRICTS[1], themes: ["pro-bono", "social-inclusion"], sdgs: [16, 17] },
  "order-lawyers": { district: DISTRICTS[3], themes: ["pro-bono", "social-inclusion"], sdgs: [10, 16] },
  "order-labour-consultants": {
    district: DISTRICTS[1],
    themes: ["pro-bono", "gender-equality", "youth-employment"],
    sdgs: [5, 8],
  },
  // Joined later.
  "po-river-foundation": {
    district: DISTRICTS[1],
    themes: ["impact-finance", "social-inclusion", "urban-regeneration"],
    sdgs: [1, 10, 11],
  },
  "moncalieri-social-services": {
    district: "Moncalieri",
    themes: ["social-inclusion", "youth-employment"],
    sdgs: [1, 3, 10],
  },
  "urban-data-institute": {
    district: DISTRICTS[7],
    themes: ["social-innovation", "urban-regeneration"],
    sdgs: [9, 11, 17],
  },
  "lanterna-social-printing": {
    district: DISTRICTS[7],
    themes: ["circular-economy", "youth-employment"],
    sdgs: [8, 12],
  },
  "collegno-environment-office": {
    district: "Collegno",
    themes: ["circular-economy", "urban-regeneration"],
    sdgs: [11, 12, 13],
  },
  "barriera-community-kitchen": {
    district: DISTRICTS[6],
    themes: ["social-inclusion", "circular-economy"],
    sdgs: [2, 10, 12],
  },
  "crocetta-design-studio": {
    district: DISTRICTS[1],
    themes: ["benefit-corporations", "urban-regeneration"],
    sdgs: [9, 11],
  },
  "mole-microcredit": { district: DISTRICTS[6], themes: ["impact-finance", "social-inclusion"], sdgs: [1, 8] },
  "women-at-work-network": {
    district: DISTRICTS[4],
    themes: ["gender-equality", "youth-employment"],
    sdgs: [5, 8],
  },
  "grugliasco-agrifood-lab": {
    district: "Grugliasco",
    themes: ["circular-economy", "social-innovation"],
    sdgs: [2, 12],
  },
  "binario-social-startups": {
    district: DISTRICTS[3],
    themes: ["social-innovation", "impact-finance"],
    sdgs: [8, 9],
  },
  "mirafiori-skills-hub": {
    district: DISTRICTS[2],
    themes: ["youth-employment", "social-innovation"],
    sdgs: [4, 8, 9],
  },
  "vallette-youth-theatre": {
    district: DISTRICTS[5],
    themes: ["youth-employment", "urban-regeneration"],
    sdgs: [4, 11],
  },
  "chieri-textile-reuse": { district: "Chieri", themes: ["circular-economy", "social-inclusion"], sdgs: [8, 12] },
  "subalpina-energy-community": {
    district: "Venaria Reale",
    themes: ["circular-economy", "urban-regeneration"],
    sdgs: [7, 11, 13],
  },
  "mutua-solidale-insurance": {
    district: DISTRICTS[1],
    themes: ["impact-finance", "benefit-corporations"],
    sdgs: [3, 8],
  },
  "gender-pay-observatory": { district: DISTRICTS[8], themes: ["gender-equality"], sdgs: [5, 10] },
  "settimo-shared-workshops": {
    district: "Settimo Torinese",
    themes: ["youth-employment", "circular-economy"],
    sdgs: [8, 9, 12],
  },
  "rivoli-green-incubator": {
    district: "Rivoli",
    themes: ["circular-economy", "social-innovation"],
    sdgs: [9, 13],
  },
  "san-donato-community-pharmacies": { district: DISTRICTS[4], themes: ["social-inclusion"], sdgs: [3, 10] },
};

/** The communities' themes, by slug. */
export const communityThemes: Readonly<Record<string, string[]>> = {
  "benefit-corporations": ["benefit-corporations", "impact-finance"],
  "circular-economy": ["circular-economy", "social-procurement"],
  "gender-equality": ["gender-equality", "social-inclusion"],
  op4impact: ["pro-bono", "benefit-corporations"],
  neet: ["youth-employment", "social-inclusion", "impact-finance"],
};

/**
 * The demo's pending application (status SUBMITTED), by member@pratica.local, for the demo admin
 * to review. Its contacts are fictional and use the reserved ".example" domain.
 */
export const pendingApplication = {
  applicantEmail: "member@pratica.local",
  name: "Borgo Filadelfia Sports Association",
  nameIt: "Associazione sportiva Borgo Filadelfia",
  category: "THIRD_SECTOR_AND_CULTURE",
  description:
    "An amateur sports association in the Filadelfia neighbourhood that uses football and volleyball to keep " +
    "teenagers in school and to bring families from different backgrounds together.",
  descriptionIt:
    "Un'associazione sportiva dilettantistica del quartiere Filadelfia che usa calcio e pallavolo per tenere " +
    "a scuola ragazze e ragazzi e far incontrare famiglie di provenienze diverse.",
  website: "https://filadelfia-sport.example",
  address: "Via Filadelfia 88, 10134 Torino",
  district: DISTRICTS[8],
  latitude: 45.0365,
  longitude: 7.6545,
  themes: ["youth-employment", "social-inclusion"],
  sdgs: [3, 4, 10],
  communitySlugs: ["neet", "gender-equality"],
  motivation:
    "Two hundred young people train with us every week, and a third of them are at risk of dropping out of " +
    "school. We would like to work with the NEET community on outcome-based projects and learn from the other " +
    "partners how to measure what sport changes in their lives.",
  contactName: "Luca Marchetti",
  contactEmail: "segreteria@filadelfia-sport.example",
  contactPhone: "+39 011 555 0199",
  representativeName: "Marta Ferraris",
  representativeEmail: "presidenza@filadelfia-sport.example",
} as const;
