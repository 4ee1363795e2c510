// Partner organisations seeded on a fresh install: fictional but plausible members of a city's
// social-impact ecosystem. Websites use the reserved ".example" domain so that no link in demo data
// ever points at a real site. The four professional orders carry `order`, which the seed uses to
// attach the demo representatives (rep.<order>@pratica.local, shared/DESIGN.md).

export type OrganizationCategory =
  | "PUBLIC_SECTOR"
  | "FINANCE_AND_PHILANTHROPY"
  | "SKILLS_AND_FACILITIES"
  | "THIRD_SECTOR_AND_CULTURE"
  | "RESEARCH_AND_TECH_TRANSFER"
  | "INCUBATORS_AND_ACCELERATORS"
  | "PRIVATE_SECTOR"
  | "PROFESSIONAL_ORDERS";

export type ProfessionalOrder = "accountants" | "notaries" | "lawyers" | "labour-consultants";

export type OrganizationSeed = {
  slug: string;
  name: string;
  category: OrganizationCategory;
  /** One or two sentences. */
  description: string;
  /** Placeholder "https://….example" addresses only, never real domains. */
  website: string | null;
  address: string | null;
  latitude: number | null;
  longitude: number | null;
  /** "YYYY-MM-DD": when the organisation signed the ecosystem's memorandum of understanding. */
  memorandumSignedOn: string;
  /** Only for the four professional orders. */
  order?: ProfessionalOrder;
  /** "YYYY-MM-DD" and why: a former partner, kept in the directory's history. */
  withdrawnOn?: string;
  withdrawalReason?: string;
};

export const organizations: readonly OrganizationSeed[] = [
  // Public sector
  {
    slug: "city-social-innovation",
    name: "City of Torino — Social Innovation Department",
    category: "PUBLIC_SECTOR",
    description:
      "The municipal department that coordinates the ecosystem's memorandum of understanding and co-designs " +
      "calls for proposals on social inclusion and neighbourhood regeneration.",
    website: "https://comune.example",
    address: "Piazza Palazzo di Città 1, 10122 Torino",
    latitude: 45.0735,
    longitude: 7.6813,
    memorandumSignedOn: "2019-03-18",
  },
  {
    slug: "metropolitan-employment-agency",
    name: "Metropolitan Agency for Employment and Training",
    category: "PUBLIC_SECTOR",
    description:
      "Runs the public job centres of the metropolitan area and the youth guarantee desks where many young " +
      "people not in education, employment or training first register.",
    website: "https://lavoro-metro.example",
    address: "Via Bologna 153, 10154 Torino",
    latitude: 45.0921,
    longitude: 7.6968,
    memorandumSignedOn: "2019-06-04",
  },
  {
    slug: "regional-green-procurement-office",
    name: "Regional Office for Green Public Procurement",
    category: "PUBLIC_SECTOR",
    description:
      "Helps contracting authorities apply the Minimum Environmental Criteria (CAM) and publishes model tender " +
      "clauses for furniture, catering, cleaning and building works.",
    website: "https://acquisti-verdi.example",
    address: "Corso Regina Margherita 174, 10152 Torino",
    latitude: 45.0812,
    longitude: 7.6728,
    memorandumSignedOn: "2021-02-22",
  },

  // Finance and philanthropy
  {
    slug: "dora-community-foundation",
    name: "Dora Valley Community Foundation",
    category: "FINANCE_AND_PHILANTHROPY",
    description:
      "A community foundation that pools local donations into grants for neighbourhood projects and acts as " +
      "outcome payer in the city's first youth employment outcome fund.",
    website: "https://fondazione-dora.example",
    address: "Via Santa Teresa 12, 10121 Torino",
    latitude: 45.0688,
    longitude: 7.6797,
    memorandumSignedOn: "2019-03-18",
  },
  {
    slug: "borgo-credit-cooperative",
    name: "Borgo Cooperative Credit Bank",
    category: "FINANCE_AND_PHILANTHROPY",
    description:
      "A cooperative bank with a dedicated desk for social enterprises and benefit corporations, offering loans " +
      "whose rate steps down when agreed impact targets are met.",
    website: "https://bcc-borgo.example",
    address: "Corso Vittorio Emanuele II 71, 10128 Torino",
    latitude: 45.0632,
    longitude: 7.6745,
    memorandumSignedOn: "2020-01-27",
  },
  {
    slug: "subalpine-outcomes-fund",
    name: "Subalpine Outcomes Fund",
    category: "FINANCE_AND_PHILANTHROPY",
    description:
      "An impact investment vehicle that pre-finances social outcomes contracts and shares its outcome metrics " +
      "and evaluation reports with the ecosystem.",
    website: "https://outcomes-fund.example",
    address: null,
    latitude: null,
    longitude: null,
    memorandumSignedOn: "2023-10-09",
  },

  // Skills and facilities
  {
    slug: "lingotto-vocational-centre",
    name: "Lingotto Vocational Training Centre",
    category: "SKILLS_AND_FACILITIES",
    description:
      "Accredited vocational training centre offering three-year qualifications in mechanics, logistics and " +
      "catering, with a re-engagement programme for early school leavers.",
    website: "https://cfp-lingotto.example",
    address: "Via Nizza 280, 10126 Torino",
    latitude: 45.0341,
    longitude: 7.6652,
    memorandumSignedOn: "2020-09-14",
  },
  {
    slug: "aurora-makerspace",
    name: "Aurora Makerspace and Repair Lab",
    category: "SKILLS_AND_FACILITIES",
    description:
      "A shared workshop with tools, a textile corner and an electronics bench that hosts the monthly repair café " +
      "and rents space to young makers.",
    website: "https://aurora-lab.example",
    address: "Corso Giulio Cesare 45, 10152 Torino",
    latitude: 45.0871,
    longitude: 7.6921,
    memorandumSignedOn: "2022-04-05",
  },

  // Third sector and culture
  {
    slug: "ponte-aperto-cooperative",
    name: "Ponte Aperto Social Cooperative",
    category: "THIRD_SECTOR_AND_CULTURE",
    description:
      "A type-B social cooperative that employs people at risk of exclusion in furniture reuse, small removals " +
      "and the collection of bulky waste.",
    website: "https://ponteaperto.example",
    address: "Via Cigna 96, 10155 Torino",
    latitude: 45.0903,
    longitude: 7.6862,
    memorandumSignedOn: "2019-11-12",
  },
  {
    slug: "san-salvario-neighbourhood-house",
    name: "San Salvario Neighbourhood House",
    category: "THIRD_SECTOR_AND_CULTURE",
    description:
      "A neighbourhood house run by a network of local associations, with a theatre room, a homework club and " +
      "an evening desk where young people can get advice on courses and jobs.",
    website: "https://casa-sansalvario.example",
    address: "Via Morgari 14, 10125 Torino",
    latitude: 45.0571,
    longitude: 7.6817,
    memorandumSignedOn: "2020-05-20",
  },
  {
    slug: "seconda-vita-reuse-association",
    name: "Seconda Vita Reuse Association",
    category: "THIRD_SECTOR_AND_CULTURE",
    description:
      "A volunteer association that runs a second-hand market and a book exchange, and trains volunteers to run " +
      "repair cafés in libraries across the city.",
    website: null,
    address: "Via Borgo Dora 31, 10152 Torino",
    latitude: 45.0779,
    longitude: 7.6851,
    memorandumSignedOn: "2024-03-11",
  },

  // Research and technology transfer
  {
    slug: "impact-measurement-centre",
    name: "Centre for Social Impact Measurement",
    category: "RESEARCH_AND_TECH_TRANSFER",
    description:
      "A university research centre that designs evaluation frameworks for outcome-based contracts and reviews " +
      "benefit corporations' impact reports on request.",
    website: "https://impact-lab.example",
    address: "Lungo Dora Siena 100, 10153 Torino",
    latitude: 45.0737,
    longitude: 7.7012,
    memorandumSignedOn: "2019-09-30",
  },
  {
    slug: "circular-materials-lab",
    name: "Subalpine Laboratory for Circular Materials",
    category: "RESEARCH_AND_TECH_TRANSFER",
    description:
      "An applied research laboratory that tests recycled and secondary raw materials and matches industrial " +
      "by-products with firms that can use them.",
    website: "https://materials-lab.example",
    address: "Corso Castelfidardo 39, 10129 Torino",
    latitude: 45.0627,
    longitude: 7.6586,
    memorandumSignedOn: "2021-07-06",
  },

  // Incubators and accelerators
  {
    slug: "rampa-incubator",
    name: "Rampa Social Enterprise Incubator",
    category: "INCUBATORS_AND_ACCELERATORS",
    description:
      "A twelve-month incubation programme for social enterprises, with mentoring on governance, impact " +
      "measurement and public tenders.",
    website: "https://rampa.example",
    address: "Via Agliè 9, 10154 Torino",
    latitude: 45.0958,
    longitude: 7.6944,
    memorandumSignedOn: "2020-11-03",
  },
  {
    slug: "fucina-impact-accelerator",
    name: "Fucina Impact Accelerator",
    category: "INCUBATORS_AND_ACCELERATORS",
    description:
      "A seed-stage accelerator for start-ups in the circular economy and inclusive employment that helps its " +
      "cohorts adopt the benefit-corporation form from day one.",
    website: "https://fucina.example",
    address: "Corso Francia 140, 10143 Torino",
    latitude: 45.0768,
    longitude: 7.6402,
    memorandumSignedOn: "2022-10-17",
  },

  // Private sector
  {
    slug: "verdemela-catering",
    name: "Verdemela Catering Società Benefit",
    category: "PRIVATE_SECTOR",
    description:
      "A school and workplace catering company that became a benefit corporation in 2021 and publishes an " +
      "annual impact report on food waste and local sourcing.",
    website: "https://verdemela.example",
    address: "Strada del Drosso 120, 10135 Torino",
    latitude: 45.0349,
    longitude: 7.6205,
    memorandumSignedOn: "2021-06-28",
  },
  {
    slug: "alpi-logistics",
    name: "Alpi Urban Logistics",
    category: "PRIVATE_SECTOR",
    description:
      "A last-mile delivery company using cargo bikes and electric vans; it holds gender-equality certification " +
      "and hires through the city's youth employment programme.",
    website: "https://alpi-logistics.example",
    address: "Via Pietro Cossa 280, 10151 Torino",
    latitude: 45.0861,
    longitude: 7.6283,
    memorandumSignedOn: "2023-04-19",
  },
  {
    slug: "ferro-luce-lighting",
    name: "Ferro & Luce Lighting",
    category: "PRIVATE_SECTOR",
    description:
      "A family-owned maker of public lighting fittings that takes back and refurbishes old lamps, and exchanges " +
      "scrap aluminium with a nearby foundry.",
    website: "https://ferroeluce.example",
    address: "Corso Orbassano 336, 10137 Torino",
    latitude: 45.0412,
    longitude: 7.6333,
    memorandumSignedOn: "2025-02-03",
  },

  // Professional orders (OP4Impact)
  {
    slug: "order-accountants",
    name: "Order of Chartered Accountants and Accounting Experts of Torino",
    category: "PROFESSIONAL_ORDERS",
    description:
      "The professional order of chartered accountants and accounting experts of the Torino district; its " +
      "third-sector committee leads the Manifesto's sections on reporting and tax.",
    website: "https://commercialisti.example",
    address: "Via Carlo Alberto 59, 10123 Torino",
    latitude: 45.0641,
    longitude: 7.6839,
    memorandumSignedOn: "2022-01-24",
    order: "accountants",
  },
  {
    slug: "order-notaries",
    name: "Notarial Council of Torino",
    category: "PROFESSIONAL_ORDERS",
    description:
      "The council of the notaries practising in the district; it contributes model bylaw clauses for benefit " +
      "corporations and social enterprises.",
    website: "https://notai.example",
    address: "Via Alfieri 19, 10121 Torino",
    latitude: 45.0677,
    longitude: 7.6788,
    memorandumSignedOn: "2022-01-24",
    order: "notaries",
  },
  {
    slug: "order-lawyers",
    name: "Bar Association of Torino",
    category: "PROFESSIONAL_ORDERS",
    description:
      "The bar association of the Torino district; its working group on the third sector covers governance, " +
      "contracts and dispute resolution in the Manifesto.",
    website: "https://avvocati.example",
    address: "Corso Vittorio Emanuele II 130, 10138 Torino",
    latitude: 45.0716,
    longitude: 7.6653,
    memorandumSignedOn: "2022-02-07",
    order: "lawyers",
  },
  {
    slug: "order-labour-consultants",
    name: "Order of Labour Consultants of Torino",
    category: "PROFESSIONAL_ORDERS",
    description:
      "The professional order of labour consultants of the province; it drafts the Manifesto's sections on " +
      "inclusive hiring, work-life balance and pay transparency.",
    website: "https://consulenti-lavoro.example",
    address: "Via Cernaia 30, 10122 Torino",
    latitude: 45.0714,
    longitude: 7.6707,
    memorandumSignedOn: "2022-03-14",
    order: "labour-consultants",
  },

  // Joined later, across the metropolitan area: the map's clusters.
  {
    slug: "po-river-foundation",
    name: "Po River Philanthropic Foundation",
    category: "FINANCE_AND_PHILANTHROPY",
    description:
      "A grant-making foundation that funds neighbourhood welfare, social housing and the regeneration of the " +
      "city's riverbanks; one of the memorandum's first signatories.",
    website: "https://fondazione-po.example",
    address: "Via XX Settembre 31, 10121 Torino",
    latitude: 45.0662,
    longitude: 7.6794,
    memorandumSignedOn: "2017-05-16",
  },
  {
    slug: "moncalieri-social-services",
    name: "Moncalieri Social Services Consortium",
    category: "PUBLIC_SECTOR",
    description:
      "The consortium of the southern towns' social services: family support, home care and the first desk for " +
      "people who have lost their job.",
    website: "https://servizi-sociali-moncalieri.example",
    address: "Piazza Vittorio Emanuele II 1, 10024 Moncalieri",
    latitude: 45.0004,
    longitude: 7.6826,
    memorandumSignedOn: "2017-05-16",
  },
  {
    slug: "urban-data-institute",
    name: "Institute for Urban Data and Social Research",
    category: "RESEARCH_AND_TECH_TRANSFER",
    description:
      "A university institute that maps needs and services neighbourhood by neighbourhood and opens its datasets " +
      "to the partners that design local projects.",
    website: "https://dati-urbani.example",
    address: "Lungo Dora Siena 68, 10153 Torino",
    latitude: 45.0726,
    longitude: 7.6969,
    memorandumSignedOn: "2017-05-16",
  },
  {
    slug: "lanterna-social-printing",
    name: "Lanterna Social Printing Cooperative",
    category: "THIRD_SECTOR_AND_CULTURE",
    description:
      "A social cooperative that trained young people as printers and bookbinders, printing on recycled paper for " +
      "the ecosystem's partners.",
    website: "https://lanterna-stampa.example",
    address: "Via Catania 15, 10153 Torino",
    latitude: 45.0768,
    longitude: 7.6972,
    memorandumSignedOn: "2017-05-16",
    withdrawnOn: "2025-07-31",
    withdrawalReason: "The cooperative merged into a larger one outside Torino and closed its printing workshop.",
  },
  {
    slug: "collegno-environment-office",
    name: "Town of Collegno — Environment Office",
    category: "PUBLIC_SECTOR",
    description:
      "Runs the town's reuse centre and its programme of urban gardens in the former psychiatric hospital's park.",
    website: "https://collegno-ambiente.example",
    address: "Piazza del Municipio 1, 10093 Collegno",
    latitude: 45.0777,
    longitude: 7.5724,
    memorandumSignedOn: "2018-02-12",
  },
  {
    slug: "barriera-community-kitchen",
    name: "Barriera Community Kitchen",
    category: "THIRD_SECTOR_AND_CULTURE",
    description:
      "A neighbourhood kitchen that cooks the markets' unsold food into affordable meals and trains people out of " +
      "work as kitchen assistants.",
    website: "https://cucina-barriera.example",
    address: "Via Montanaro 40, 10154 Torino",
    latitude: 45.0968,
    longitude: 7.6978,
    memorandumSignedOn: "2018-02-12",
  },
  {
    slug: "crocetta-design-studio",
    name: "Studio Crocetta Design Società Benefit",
    category: "PRIVATE_SECTOR",
    description:
      "An architecture and design studio that became a Società Benefit in 2018 and co-designs public spaces with " +
      "the people who will use them.",
    website: "https://crocetta-design.example",
    address: "Corso Einaudi 18, 10129 Torino",
    latitude: 45.0593,
    longitude: 7.6691,
    memorandumSignedOn: "2018-07-09",
  },
  {
    slug: "mole-microcredit",
    name: "Mole Microcredit Association",
    category: "FINANCE_AND_PHILANTHROPY",
    description:
      "Volunteer bankers who assess and mentor small loans for people and micro-enterprises that banks turn away.",
    website: "https://microcredito-mole.example",
    address: "Via Cervino 50, 10155 Torino",
    latitude: 45.0946,
    longitude: 7.6901,
    memorandumSignedOn: "2018-10-03",
  },
  {
    slug: "women-at-work-network",
    name: "Women at Work Network",
    category: "THIRD_SECTOR_AND_CULTURE",
    description:
      "A network of associations that accompanies women back into work: guidance, childcare during training and " +
      "mentoring by women managers.",
    website: "https://donne-lavoro.example",
    address: "Via Nicola Fabrizi 20, 10143 Torino",
    latitude: 45.0801,
    longitude: 7.6612,
    memorandumSignedOn: "2019-03-08",
  },
  {
    slug: "grugliasco-agrifood-lab",
    name: "Grugliasco Agrifood Innovation Lab",
    category: "RESEARCH_AND_TECH_TRANSFER",
    description:
      "A university laboratory on the agricultural campus that studies food waste and helps canteens and " +
      "producers turn by-products into new food.",
    website: "https://agrifood-lab.example",
    address: "Largo Paolo Braccini 2, 10095 Grugliasco",
    latitude: 45.0662,
    longitude: 7.5929,
    memorandumSignedOn: "2020-03-02",
  },
  {
    slug: "binario-social-startups",
    name: "Binario Social Start-up Programme",
    category: "INCUBATORS_AND_ACCELERATORS",
    description:
      "A six-month programme in a former railway workshop for start-ups with a social purpose, with a seed fund " +
      "and mentors from the partner banks.",
    website: "https://binario-startup.example",
    address: "Corso Castelfidardo 22, 10138 Torino",
    latitude: 45.0731,
    longitude: 7.6612,
    memorandumSignedOn: "2021-05-03",
  },
  {
    slug: "mirafiori-skills-hub",
    name: "Mirafiori Skills Hub",
    category: "SKILLS_AND_FACILITIES",
    description:
      "Workshops and classrooms in a former car-parts plant where technical schools, employers and job centres " +
      "train young people for the trades that are hiring.",
    website: "https://competenze-mirafiori.example",
    address: "Corso Settembrini 164, 10135 Torino",
    latitude: 45.0318,
    longitude: 7.6261,
    memorandumSignedOn: "2021-11-22",
  },
  {
    slug: "vallette-youth-theatre",
    name: "Vallette Youth Theatre",
    category: "THIRD_SECTOR_AND_CULTURE",
    description:
      "A theatre company that runs free courses for teenagers of the northern neighbourhoods and stages their " +
      "shows in squares and courtyards.",
    website: "https://teatro-vallette.example",
    address: "Piazza Montale 18, 10151 Torino",
    latitude: 45.1062,
    longitude: 7.6415,
    memorandumSignedOn: "2022-09-19",
  },
  {
    slug: "chieri-textile-reuse",
    name: "Chieri Textile Reuse Cooperative",
    category: "THIRD_SECTOR_AND_CULTURE",
    description:
      "A social cooperative in the old textile town that collects, sorts and repairs used clothes, employing " +
      "people with disabilities.",
    website: "https://riuso-tessile-chieri.example",
    address: "Via Vittorio Emanuele II 70, 10023 Chieri",
    latitude: 45.0118,
    longitude: 7.8236,
    memorandumSignedOn: "2023-01-16",
  },
  {
    slug: "subalpina-energy-community",
    name: "Subalpina Renewable Energy Community",
    category: "PRIVATE_SECTOR",
    description:
      "Households, shops and a school sharing the power of their rooftop panels; the savings fund energy-poverty " +
      "support in the town.",
    website: "https://cer-subalpina.example",
    address: "Piazza Martiri della Libertà 1, 10078 Venaria Reale",
    latitude: 45.1322,
    longitude: 7.6298,
    memorandumSignedOn: "2023-09-04",
  },
  {
    slug: "mutua-solidale-insurance",
    name: "Mutua Solidale Insurance Cooperative",
    category: "FINANCE_AND_PHILANTHROPY",
    description:
      "A mutual that insures third-sector organisations and volunteers and reinvests its surplus in community " +
      "health projects.",
    website: "https://mutua-solidale.example",
    address: "Via Pietro Micca 9, 10121 Torino",
    latitude: 45.0703,
    longitude: 7.6815,
    memorandumSignedOn: "2024-06-10",
  },
  {
    slug: "gender-pay-observatory",
    name: "Gender Pay Observatory",
    category: "RESEARCH_AND_TECH_TRANSFER",
    description:
      "Researchers who publish the gender pay gap of the metropolitan area every year and help companies read " +
      "their own figures before certification.",
    website: "https://divario-genere.example",
    address: "Via Principe Tommaso 30, 10125 Torino",
    latitude: 45.0566,
    longitude: 7.6822,
    memorandumSignedOn: "2024-11-25",
  },
  {
    slug: "settimo-shared-workshops",
    name: "Settimo Shared Workshops",
    category: "SKILLS_AND_FACILITIES",
    description:
      "Shared workshops with tools, a repair café and desks for young makers, in a former factory of the northern " +
      "suburbs.",
    website: "https://officine-settimo.example",
    address: "Via Roma 15, 10036 Settimo Torinese",
    latitude: 45.1389,
    longitude: 7.7671,
    memorandumSignedOn: "2025-04-28",
  },
  {
    slug: "rivoli-green-incubator",
    name: "Rivoli Green Business Incubator",
    category: "INCUBATORS_AND_ACCELERATORS",
    description:
      "An incubator for young companies in climate adaptation, sustainable agriculture and the circular economy, " +
      "at the foot of the western valleys.",
    website: "https://incubatore-rivoli.example",
    address: "Corso Francia 98, 10098 Rivoli",
    latitude: 45.0709,
    longitude: 7.5196,
    memorandumSignedOn: "2026-03-09",
  },
  {
    slug: "san-donato-community-pharmacies",
    name: "San Donato Community Pharmacies",
    category: "PRIVATE_SECTOR",
    description:
      "Three neighbourhood pharmacies that host free health checks, a medicine-donation point and a desk that " +
      "helps older people with online services.",
    website: "https://farmacie-san-donato.example",
    address: "Via San Donato 41, 10144 Torino",
    latitude: 45.0792,
    longitude: 7.6647,
    memorandumSignedOn: "2026-09-21",
  },
];
