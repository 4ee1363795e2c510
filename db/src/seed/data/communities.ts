// The five communities of practice that exist on a fresh install (shared/DESIGN.md).
// Pure data: the seed upserts these by slug, so editing a text here and re-seeding updates it.

export type CommunitySeed = {
  slug: string;
  name: string;
  /** One sentence, at most 140 characters. */
  tagline: string;
  /** Two or three short paragraphs separated by a blank line ("\n\n"). */
  description: string;
  /** "#rrggbb"; readable as text on white (WCAG AA, contrast ≥ 4.5:1). */
  color: string;
  visibility: "PUBLIC" | "MEMBERS";
  joinPolicy: "OPEN" | "APPROVAL";
};

export const communities: readonly CommunitySeed[] = [
  {
    slug: "benefit-corporations",
    name: "Benefit Corporations",
    tagline: "Companies that write a public-benefit purpose into their bylaws and report on it every year.",
    description: [
      "Since 2016 Italian law has let any company become a Società Benefit: it keeps its legal form, adds one or " +
        "more specific public-benefit purposes to its articles of association, names the people responsible for " +
        "pursuing them, and publishes an annual impact report alongside the financial statements, assessed " +
        "against an external standard.",
      "This community gathers companies that have made the change or are weighing it, together with the advisors " +
        "who help them. Members compare bylaw clauses, discuss how to choose an assessment standard (the B Impact " +
        "Assessment, GRI and others), and review each other's draft impact reports before they are filed. Several " +
        "members are certified B Corps and share what recertification actually involves.",
      "Good places to start are the template clauses in the resources section and the monthly thread where " +
        "members post one indicator they found hard to measure.",
    ].join("\n\n"),
    color: "#0f766e",
    visibility: "PUBLIC",
    joinPolicy: "OPEN",
  },
  {
    slug: "circular-economy",
    name: "Circular Economy",
    tagline:
      "Reuse, repair and industrial symbiosis: keeping materials in use across the city's homes, firms and public buyers.",
    description: [
      "Members work on the practical side of the circular economy in the metropolitan area: neighbourhood repair " +
        "cafés and reuse centres, second-hand markets, and industrial symbiosis, where one firm's waste stream, " +
        "by-product or surplus heat becomes another firm's input.",
      "A recurring topic is public procurement. Italian contracting authorities must apply the Minimum " +
        "Environmental Criteria (Criteri Ambientali Minimi, CAM) in their tenders; members share tender clauses, " +
        "verification checklists and what happened when a clause was challenged, so that buyers and suppliers " +
        "learn from the same cases.",
      "The community keeps a shared list of materials on offer and in demand, and organises visits to members' " +
        "plants and workshops twice a year.",
    ].join("\n\n"),
    color: "#3a6b1f",
    visibility: "PUBLIC",
    joinPolicy: "OPEN",
  },
  {
    slug: "gender-equality",
    name: "Gender Equality",
    tagline: "Gender-equality certification, pay-gap analysis and workplace practices that hold up under audit.",
    description: [
      "The UNI/PdR 125:2022 reference practice sets out the indicators an Italian organisation must meet to obtain " +
        "gender-equality certification, in six areas: culture and strategy, governance, HR processes, growth " +
        "opportunities, equal pay, and parenthood and work-life balance. Certified employers get relief on social " +
        "security contributions and extra points in public tenders, so small and medium firms are applying too.",
      "Members share how they gathered the data for their first assessment, how they calculated and explained " +
        "their gender pay gap, and which measures (parental-leave top-ups, published salary bands, a reporting " +
        "channel for harassment) changed the numbers rather than just the documents.",
      "HR managers, certification consultants, trade-union delegates and equality advisers take part. Newcomers " +
        "are asked to say their organisation's size and sector, so that advice can be matched to it.",
    ].join("\n\n"),
    color: "#7b2d8e",
    visibility: "PUBLIC",
    joinPolicy: "OPEN",
  },
  {
    slug: "op4impact",
    name: "OP4Impact — Professional Orders for Impact",
    tagline:
      "Accountants, notaries, lawyers and labour consultants working together on the legal side of social impact.",
    description: [
      "OP4Impact brings together the four professional orders that organisations turn to when they set up, " +
        "convert or restructure: chartered accountants, notaries, lawyers and labour consultants. Its first shared " +
        "deliverable is the Manifesto for Impact, written section by section by representatives of the four " +
        "orders and endorsed by each of them.",
      "Beyond the Manifesto, members work through the questions clients actually bring: drafting a public-benefit " +
        "clause a notary will accept, the governance and reporting duties of third-sector bodies entered in the " +
        "national register (RUNTS), the tax treatment of social enterprises, and employment contracts that support " +
        "fair and inclusive work.",
      "Membership is by approval: facilitators check that each applicant is enrolled in one of the four orders or " +
        "works with one of their committees.",
    ].join("\n\n"),
    color: "#1d4f91",
    visibility: "PUBLIC",
    joinPolicy: "APPROVAL",
  },
  {
    slug: "neet",
    name: "NEET",
    tagline: "Bringing young people who are not in education, employment or training back to learning and work.",
    description: [
      "Italy has one of the highest shares in the European Union of young people who are not in education, " +
        "employment or training. Behind the figure are very different lives: early school leavers, graduates " +
        "moving between short contracts, young carers, and people who have stopped looking altogether. Each needs " +
        "a different route back.",
      "The community connects youth services, training providers, employers and funders around that work. Much of " +
        "the discussion is about outcome-based funding: social impact bonds and outcome funds, in which investors " +
        "pre-finance a programme and public or philanthropic payers repay them only when agreed results, such as a " +
        "qualification gained or a job held for six months, have been verified.",
      "Members share outcome definitions, data-sharing agreements and evaluation designs, and compare notes on " +
        "reaching young people who are not registered with any service.",
    ].join("\n\n"),
    color: "#a1460b",
    visibility: "PUBLIC",
    joinPolicy: "OPEN",
  },
];
