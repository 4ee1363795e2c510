/** Demo discussions, seeded with the demo accounts. Authors are demo account handles. */
export type ThreadSeed = {
  community: string;
  author: string;
  title: string;
  body: string;
  tags: string[];
  pinned?: boolean;
  posts: { author: string; body: string; replyToPrevious?: boolean }[];
};

export const threads: readonly ThreadSeed[] = [
  {
    community: "benefit-corporations",
    author: "facilitator-benefit-corporations",
    title: "Welcome: how this community works",
    body: "This is where companies that adopted (or are considering) the **benefit corporation** form compare notes.\n\n- Introduce yourself and your organisation\n- Ask about impact reports, statutes, governance\n- Share templates in the library",
    tags: ["welcome"],
    pinned: true,
    posts: [
      {
        author: "member",
        body: "Hello! I work on impact reporting for a cooperative that is evaluating the change of form.",
      },
      {
        author: "facilitator-benefit-corporations",
        body: "Welcome @member! The thread on impact reports is a good place to start.",
        replyToPrevious: true,
      },
    ],
  },
  {
    community: "benefit-corporations",
    author: "member",
    title: "Which standard do you use for the annual impact report?",
    body: "The law asks for an *external standard* to assess impact. Which one did you choose, and why?",
    tags: ["impact-report", "standards"],
    posts: [
      {
        author: "facilitator-benefit-corporations",
        body: "Most companies in our network use the B Impact Assessment; a few use GRI for larger groups.",
      },
      { author: "member", body: "Did anyone try combining the two? The overlap seems large.", replyToPrevious: true },
    ],
  },
  {
    community: "circular-economy",
    author: "facilitator-circular-economy",
    title: "Repair cafés: who is running one this spring?",
    body: "Let's map the repair cafés planned across the city so volunteers and spare parts can move between them.",
    tags: ["repair", "events"],
    posts: [
      {
        author: "member",
        body: "Our neighbourhood association hosts one every second Saturday; we always lack electronics volunteers.",
      },
      {
        author: "facilitator-circular-economy",
        body: "Noted! I'll add it to the shared calendar.",
        replyToPrevious: true,
      },
    ],
  },
  {
    community: "gender-equality",
    author: "facilitator-gender-equality",
    title: "UNI/PdR 125:2022 certification: lessons from the first audits",
    body: "Several partners completed the certification this year. What surprised you in the audit?",
    tags: ["certification", "pdr-125"],
    posts: [
      {
        author: "member",
        body: "The KPI on the pay gap needed data we had never collected by role level. Start early!",
      },
    ],
  },
  {
    community: "op4impact",
    author: "facilitator-op4impact",
    title: "Manifesto for Impact: how we co-author it",
    body: "The four professional orders draft the *Manifesto for Impact* here. Amendments are proposed section by section; discussion happens in this thread.",
    tags: ["manifesto"],
    pinned: true,
    posts: [
      { author: "rep-accountants", body: "The accountants' order will propose the section on impact measurement." },
      {
        author: "rep-lawyers",
        body: "We'll take governance and the legal forms. @rep-notaries, shall we pair on the statutes part?",
      },
      { author: "rep-notaries", body: "Gladly, let's meet next week.", replyToPrevious: true },
    ],
  },
  {
    community: "neet",
    author: "facilitator-neet",
    title: "Outcome-based funds: measuring what changes for young people",
    body: "How do we define outcomes that are meaningful for NEET young people and robust enough for an outcome-based fund?",
    tags: ["outcomes", "social-impact-bond"],
    posts: [
      {
        author: "member",
        body: "Sustained employment after 6 and 12 months is the usual metric, but it misses education re-entry.",
      },
    ],
  },
];
