import { describe, it } from "vitest";
import { useTestServer } from "../fixture.js";
import { type Data, expectAgreement, nodeIn, type Probe } from "../viewer-can.js";
import { buildCast, buildDocument, buildOrganization, type Cast, gql, mustOk } from "./setup.js";

const server = useTestServer();

const VIEWERS = ["anonymous", "outsider", "pending", "member", "facilitator", "admin", "editor", "coEditor"] as const;
type Who = (typeof VIEWERS)[number];
type Status = "DRAFT" | "REVIEW" | "APPROVED" | "PUBLISHED" | "ARCHIVED";

const READ = `query($id: ID!) { deliverable(id: $id) {
  id viewerCanEdit viewerCanPropose viewerCanComment viewerCanEndorseFor { id } viewerCanWithdrawFor { id }
  sections { id viewerCanEdit }
  amendments { id viewerCanDecide viewerCanWithdraw }
} }`;
const EDIT = `mutation($i: EditSectionInput!) { editSection(input: $i) { id } }`;
const PROPOSE = `mutation($i: ProposeAmendmentInput!) { proposeAmendment(input: $i) { id } }`;
const COMMENT = `mutation($i: AddDeliverableCommentInput!) { addDeliverableComment(input: $i) { id } }`;
const REJECT = `mutation($i: RejectAmendmentInput!) { rejectAmendment(input: $i) { id } }`;
const WITHDRAW = `mutation($id: ID!) { withdrawAmendment(amendmentId: $id) { id } }`;
const ENDORSE = `mutation($i: EndorseDeliverableInput!) { endorseDeliverable(input: $i) { id } }`;
const UNENDORSE = `mutation($i: WithdrawEndorsementInput!) { withdrawEndorsement(input: $i) { id } }`;

/** A field of the document (or of one of its parts), against a mutation on a document in that status. */
const onDocument =
  (
    status: Status,
    said: (data: Data, doc: { id: string; sectionId: string }) => unknown,
    write: string,
    vars: (doc: { id: string; sectionId: string; version: number }) => Record<string, unknown>,
  ) =>
  async (cast: Cast): Promise<Probe> => {
    const doc = await buildDocument(server, cast, status);
    const d = { id: doc.id, sectionId: doc.sections[0]!.id, version: doc.sections[0]!.version };
    return { read: READ, readVars: { id: doc.id }, said: (data) => said(data, d), write, writeVars: vars(d) };
  };

/** An amendment by `cast.member` on a DRAFT document; `then` decides it first. */
const onAmendment =
  (
    field: "viewerCanDecide" | "viewerCanWithdraw",
    write: string,
    vars: (id: string) => Record<string, unknown>,
    then?: "withdrawn",
  ) =>
  async (cast: Cast): Promise<Probe> => {
    const doc = await buildDocument(server, cast, "DRAFT");
    const proposed = await mustOk(
      gql(
        server.url,
        PROPOSE,
        { i: { sectionId: doc.sections[0]!.id, body: "A better preamble.", rationale: "Clearer." } },
        { token: cast.member.token },
      ),
    );
    const id = proposed.data?.proposeAmendment.id as string;
    if (then === "withdrawn") await mustOk(gql(server.url, WITHDRAW, { id }, { token: cast.member.token }));
    return {
      read: READ,
      readVars: { id: doc.id },
      said: (data) => nodeIn(data.deliverable?.amendments, id)?.[field],
      write,
      writeVars: vars(id),
    };
  };

/** A published document and an organisation `cast.member` represents (`cast.facilitator` is a plain member of it). */
const onEndorsement = (field: "viewerCanEndorseFor" | "viewerCanWithdrawFor", status: Status) => async (cast: Cast) => {
  const doc = await buildDocument(server, cast, status);
  const org = await buildOrganization(server, cast.member, cast.facilitator);
  const vars = { i: { deliverableId: doc.id, organizationId: org.id } };
  if (field === "viewerCanWithdrawFor") await mustOk(gql(server.url, ENDORSE, vars, { token: cast.member.token }));
  return {
    read: READ,
    readVars: { id: doc.id },
    said: (data: Data) => nodeIn(data.deliverable?.[field], org.id),
    write: field === "viewerCanEndorseFor" ? ENDORSE : UNENDORSE,
    writeVars: vars,
  };
};

const editSection = (d: { sectionId: string; version: number }) => ({
  i: { sectionId: d.sectionId, body: "New words.", expectedVersion: d.version },
});
const propose = (d: { sectionId: string }) => ({
  i: { sectionId: d.sectionId, body: "Other words.", rationale: "Why not." },
});
const comment = (d: { sectionId: string }) => ({ i: { sectionId: d.sectionId, body: "A thought." } });
const sectionSaid = (data: Data, d: { sectionId: string }) =>
  nodeIn(data.deliverable?.sections, d.sectionId)?.viewerCanEdit;

const EDITORS: Who[] = ["editor", "coEditor"];
const WRITERS: Who[] = ["member", "facilitator", "editor", "coEditor"];

const table: [string, (cast: Cast) => Promise<Probe>, Who[]][] = [
  [
    "Deliverable.viewerCanEdit, DRAFT ↔ editSection",
    onDocument("DRAFT", (x) => x.deliverable?.viewerCanEdit, EDIT, editSection),
    EDITORS,
  ],
  [
    "Deliverable.viewerCanEdit, APPROVED ↔ editSection",
    onDocument("APPROVED", (x) => x.deliverable?.viewerCanEdit, EDIT, editSection),
    [],
  ],
  ["Section.viewerCanEdit, REVIEW ↔ editSection", onDocument("REVIEW", sectionSaid, EDIT, editSection), EDITORS],
  ["Section.viewerCanEdit, PUBLISHED ↔ editSection", onDocument("PUBLISHED", sectionSaid, EDIT, editSection), []],
  [
    "Deliverable.viewerCanPropose, DRAFT ↔ proposeAmendment",
    onDocument("DRAFT", (x) => x.deliverable?.viewerCanPropose, PROPOSE, propose),
    WRITERS,
  ],
  [
    "Deliverable.viewerCanPropose, APPROVED ↔ proposeAmendment",
    onDocument("APPROVED", (x) => x.deliverable?.viewerCanPropose, PROPOSE, propose),
    [],
  ],
  [
    "Deliverable.viewerCanComment, PUBLISHED ↔ addDeliverableComment",
    onDocument("PUBLISHED", (x) => x.deliverable?.viewerCanComment, COMMENT, comment),
    WRITERS,
  ],
  [
    "Deliverable.viewerCanComment, ARCHIVED ↔ addDeliverableComment",
    onDocument("ARCHIVED", (x) => x.deliverable?.viewerCanComment, COMMENT, comment),
    [],
  ],
  [
    "Amendment.viewerCanDecide, OPEN ↔ rejectAmendment",
    onAmendment("viewerCanDecide", REJECT, (id) => ({ i: { amendmentId: id, reason: "Not now." } })),
    EDITORS,
  ],
  [
    "Amendment.viewerCanDecide, WITHDRAWN ↔ rejectAmendment",
    onAmendment("viewerCanDecide", REJECT, (id) => ({ i: { amendmentId: id, reason: "Not now." } }), "withdrawn"),
    [],
  ],
  [
    "Amendment.viewerCanWithdraw, OPEN ↔ withdrawAmendment",
    onAmendment("viewerCanWithdraw", WITHDRAW, (id) => ({ id })),
    ["member"],
  ],
  [
    "Amendment.viewerCanWithdraw, WITHDRAWN ↔ withdrawAmendment",
    onAmendment("viewerCanWithdraw", WITHDRAW, (id) => ({ id }), "withdrawn"),
    [],
  ],
  [
    "Deliverable.viewerCanEndorseFor, PUBLISHED ↔ endorseDeliverable",
    onEndorsement("viewerCanEndorseFor", "PUBLISHED"),
    ["member"],
  ],
  [
    "Deliverable.viewerCanEndorseFor, APPROVED ↔ endorseDeliverable",
    onEndorsement("viewerCanEndorseFor", "APPROVED"),
    [],
  ],
  [
    "Deliverable.viewerCanWithdrawFor ↔ withdrawEndorsement",
    onEndorsement("viewerCanWithdrawFor", "PUBLISHED"),
    ["member"],
  ],
];

describe.each(table)("%s", (_, probeFor, allowed) => {
  it.each(VIEWERS)("as %s", async (who) => {
    const cast = await buildCast(server);
    const probe = await probeFor(cast);
    await expectAgreement(server, who === "anonymous" ? undefined : cast[who].token, probe, allowed.includes(who));
  });
});
