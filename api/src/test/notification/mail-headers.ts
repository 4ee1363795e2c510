import type { ParsedMail } from "mailparser";

/** A header as sent (mailparser turns List-* headers into a structure; the raw line is what clients read). */
export const rawHeader = (mail: ParsedMail, name: string): string => {
  const line = mail.headerLines.find((h) => h.key === name.toLowerCase())?.line ?? "";
  return line
    .slice(name.length + 1)
    .replace(/\r?\n[ \t]+/g, "")
    .trim();
};
