import { describe, expect, it } from "vitest";
import { findMentions, MENTION, MENTION_BEING_TYPED } from "./mentions.js";

const handles = (text: string) => findMentions(text).map((m) => m.handle);

describe("findMentions", () => {
  it("finds a mention at the start of the text and of a line", () => {
    expect(handles("@anna hello")).toEqual(["anna"]);
    expect(handles("first line\n@marco second")).toEqual(["marco"]);
  });

  it("gives where each mention starts and ends", () => {
    const text = "ask (@anna) and @marco-b.";
    expect(findMentions(text)).toEqual([
      { handle: "anna", start: 5, end: 10 },
      { handle: "marco-b", start: 16, end: 24 },
    ]);
    for (const m of findMentions(text)) expect(text.slice(m.start, m.end)).toBe(`@${m.handle}`);
  });

  it("ends a handle at punctuation", () => {
    expect(handles("thanks @anna, @marco! @luca? @sara. (@pia)")).toEqual(["anna", "marco", "luca", "sara", "pia"]);
  });

  it("ignores emails, paths and doubled @", () => {
    expect(handles("write to anna@example.org")).toEqual([]);
    expect(handles("see example.org/@marco")).toEqual([]);
    expect(handles("@@luca and _@sara")).toEqual([]);
  });

  it("takes only lowercase handles", () => {
    expect(handles("@Anna and @ANNA")).toEqual([]);
    expect(handles("@anna2 and @2anna")).toEqual(["anna2", "2anna"]);
  });

  it("needs a handle of 2 to 40 characters and never cuts a longer one", () => {
    expect(handles("@a")).toEqual([]);
    expect(handles("@ab")).toEqual(["ab"]);
    const forty = `a${"b".repeat(39)}`;
    expect(handles(`@${forty}`)).toEqual([forty]);
    expect(handles(`@${forty}c`)).toEqual([]);
  });

  it("does not start a handle with _ or -", () => {
    expect(handles("@_anna @-anna")).toEqual([]);
  });

  it("leaves code to the caller", () => {
    // Plain text has no code spans: backticks are ordinary punctuation here.
    expect(handles("`@anna`")).toEqual(["anna"]);
  });

  it("keeps no state between calls (matchAll copies the global regex)", () => {
    expect(handles("@anna")).toEqual(["anna"]);
    expect(handles("@anna")).toEqual(["anna"]);
    expect(MENTION.lastIndex).toBe(0);
  });
});

describe("MENTION_BEING_TYPED", () => {
  const typed = (text: string) => MENTION_BEING_TYPED.exec(text)?.[2] ?? null;

  it("finds the handle being typed at the end, from one character, in any case", () => {
    expect(typed("hello @m")).toBe("m");
    expect(typed("hello @Mar")).toBe("Mar");
    expect(typed("@anna-b")).toBe("anna-b");
  });

  it("follows the same lead rule as MENTION", () => {
    expect(typed("anna@ex")).toBeNull();
    expect(typed("hello @anna ")).toBeNull();
    expect(typed(`@a${"b".repeat(40)}`)).toBeNull();
  });
});
