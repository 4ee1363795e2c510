/** Demo library material and one learning path per community; authors are demo account handles. */
export type ResourceSeed = {
  community: string;
  proposer: string;
  title: string;
  summary: string;
  body: string;
  url: string | null;
  kind: "GUIDE" | "CASE_STUDY" | "TOOLKIT" | "TEMPLATE" | "RECORDING" | "COURSE" | "ARTICLE";
  language: "it" | "en";
  tags: string[];
  status: "PROPOSED" | "PUBLISHED" | "FEATURED";
};

export type PathSeed = {
  community: string;
  title: string;
  summary: string;
  steps: { resource: string; note: string }[];
};

export const resources: readonly ResourceSeed[] = [
  {
    community: "benefit-corporations",
    proposer: "facilitator-benefit-corporations",
    title: "Guida alla relazione d'impatto delle Società Benefit",
    summary:
      "Come redigere la relazione annuale d'impatto: contenuti obbligatori, standard di valutazione esterno, esempi.",
    body: "## Cosa chiede la legge\n\nLa relazione va allegata al bilancio e descrive gli obiettivi di beneficio comune, le azioni svolte e la valutazione dell'impatto con uno **standard esterno**.\n\n## Passi\n\n1. Scegliere lo standard\n2. Raccogliere i dati per area\n3. Definire gli obiettivi dell'anno successivo",
    url: "https://societabenefit.example/guida-relazione",
    kind: "GUIDE",
    language: "it",
    tags: ["relazione-impatto", "società-benefit"],
    status: "FEATURED",
  },
  {
    community: "benefit-corporations",
    proposer: "member",
    title: "Case study: a cooperative becomes a benefit corporation",
    summary: "How a 40-person cooperative amended its statute and ran its first impact assessment.",
    body: "The board started with a stakeholder map, then chose three common-benefit goals tied to existing activities.",
    url: null,
    kind: "CASE_STUDY",
    language: "en",
    tags: ["statute", "governance"],
    status: "PUBLISHED",
  },
  {
    community: "circular-economy",
    proposer: "facilitator-circular-economy",
    title: "Toolkit per i repair café di quartiere",
    summary: "Checklist, moduli di liberatoria e scheda di registrazione delle riparazioni per avviare un repair café.",
    body: "Il toolkit contiene:\n\n- checklist per la sicurezza elettrica\n- modulo di liberatoria\n- foglio di calcolo per misurare i chili di rifiuti evitati",
    url: "https://riparazioni.example/toolkit",
    kind: "TOOLKIT",
    language: "it",
    tags: ["riparazione", "comunità"],
    status: "FEATURED",
  },
  {
    community: "circular-economy",
    proposer: "member",
    title: "Circular public procurement: minimum environmental criteria explained",
    summary:
      "A short course on using minimum environmental criteria (CAM) in public tenders for furniture and catering.",
    body: "Four recorded lessons with the slides and a glossary.",
    url: "https://procurement.example/cam-course",
    kind: "COURSE",
    language: "en",
    tags: ["procurement", "cam"],
    status: "PUBLISHED",
  },
  {
    community: "gender-equality",
    proposer: "facilitator-gender-equality",
    title: "Modello di piano per la certificazione UNI/PdR 125",
    summary: "Un modello di piano strategico con i KPI delle sei aree della prassi di riferimento.",
    body: "Il modello segue le sei aree: cultura e strategia, governance, processi HR, opportunità di crescita, equità remunerativa, genitorialità e conciliazione.",
    url: null,
    kind: "TEMPLATE",
    language: "it",
    tags: ["pdr-125", "certificazione"],
    status: "PUBLISHED",
  },
  {
    community: "gender-equality",
    proposer: "member",
    title: "Measuring the gender pay gap by role level",
    summary: "Why the headline gap hides the real story, and how to compute it per role and seniority band.",
    body: "Use median pay per band, then weight by headcount.",
    url: null,
    kind: "ARTICLE",
    language: "en",
    tags: ["pay-gap", "data"],
    status: "PROPOSED",
  },
  {
    community: "op4impact",
    proposer: "rep-accountants",
    title: "Impact measurement for professional firms",
    summary: "A primer for chartered accountants advising clients on impact reporting and non-financial disclosure.",
    body: "Covers materiality, indicators and assurance.",
    url: "https://ordini.example/primer-impatto",
    kind: "GUIDE",
    language: "en",
    tags: ["impact-measurement", "assurance"],
    status: "PUBLISHED",
  },
  {
    community: "op4impact",
    proposer: "rep-notaries",
    title: "Clausole statutarie per le imprese sociali",
    summary:
      "Esempi commentati di clausole sullo scopo, sulla destinazione degli utili e sul coinvolgimento degli stakeholder.",
    body: "Ogni clausola è accompagnata da una nota sulla disciplina dell'impresa sociale.",
    url: null,
    kind: "TEMPLATE",
    language: "it",
    tags: ["statuto", "impresa-sociale"],
    status: "FEATURED",
  },
  {
    community: "neet",
    proposer: "facilitator-neet",
    title: "Registrazione: fondi a risultato per l'occupazione giovanile",
    summary: "Il webinar sui fondi outcome-based: come si definiscono i risultati e come si paga chi li raggiunge.",
    body: "Relatori da una fondazione, un ente pubblico e un valutatore indipendente.",
    url: "https://webinar.example/fondi-a-risultato",
    kind: "RECORDING",
    language: "it",
    tags: ["outcome-fund", "neet"],
    status: "PUBLISHED",
  },
  {
    community: "neet",
    proposer: "member",
    title: "Case study: a social impact bond for young people in the city",
    summary: "Design, outcome metrics and lessons learned from a three-year pilot.",
    body: "The pilot paid on sustained employment at 6 and 12 months and on return to education.",
    url: null,
    kind: "CASE_STUDY",
    language: "en",
    tags: ["social-impact-bond", "outcomes"],
    status: "PUBLISHED",
  },
];

export const paths: readonly PathSeed[] = [
  {
    community: "benefit-corporations",
    title: "Becoming a benefit corporation",
    summary: "From the statute to the first impact report.",
    steps: [
      { resource: "Case study: a cooperative becomes a benefit corporation", note: "Start from a real story." },
      { resource: "Guida alla relazione d'impatto delle Società Benefit", note: "Then plan your first report." },
    ],
  },
  {
    community: "circular-economy",
    title: "Start a repair café",
    summary: "Everything to open the doors on the first Saturday.",
    steps: [{ resource: "Toolkit per i repair café di quartiere", note: "Print the checklist." }],
  },
  {
    community: "gender-equality",
    title: "Towards the certification",
    summary: "Plan the path to UNI/PdR 125:2022.",
    steps: [{ resource: "Modello di piano per la certificazione UNI/PdR 125", note: "Adapt the KPIs to your size." }],
  },
  {
    community: "op4impact",
    title: "Advising on impact",
    summary: "What every professional should know before advising a client.",
    steps: [
      { resource: "Impact measurement for professional firms", note: "The basics." },
      { resource: "Clausole statutarie per le imprese sociali", note: "When the client changes its statute." },
    ],
  },
  {
    community: "neet",
    title: "Outcome-based funding, step by step",
    summary: "How outcome funds work and what they measure.",
    steps: [
      { resource: "Registrazione: fondi a risultato per l'occupazione giovanile", note: "Watch the first 30 minutes." },
      { resource: "Case study: a social impact bond for young people in the city", note: "Then read the pilot." },
    ],
  },
];
