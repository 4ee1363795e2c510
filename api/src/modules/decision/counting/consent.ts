import type { Ballot } from "./ballot.js";

export type ConsentTally = {
  agree: number;
  abstain: number;
  disagree: number;
  block: number;
  /** Any block stops a consent decision. */
  blocked: boolean;
  /** No block and more agree than disagree (docs/decisions.md): what lets an outcome move a document. */
  passed: boolean;
};

export function countConsent(ballots: readonly Ballot[]): ConsentTally {
  const t = { agree: 0, abstain: 0, disagree: 0, block: 0 };
  for (const { choice } of ballots) {
    if (choice.consent === "AGREE") t.agree++;
    else if (choice.consent === "ABSTAIN") t.abstain++;
    else if (choice.consent === "DISAGREE") t.disagree++;
    else if (choice.consent === "BLOCK") t.block++;
  }
  const blocked = t.block > 0;
  return { ...t, blocked, passed: !blocked && t.agree > t.disagree };
}

export type SenseCheckTally = { agree: number; unsure: number; disagree: number };

export function countSenseCheck(ballots: readonly Ballot[]): SenseCheckTally {
  const t = { agree: 0, unsure: 0, disagree: 0 };
  for (const { choice } of ballots) {
    if (choice.senseCheck === "AGREE") t.agree++;
    else if (choice.senseCheck === "UNSURE") t.unsure++;
    else if (choice.senseCheck === "DISAGREE") t.disagree++;
  }
  return t;
}
