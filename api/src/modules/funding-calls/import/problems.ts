/**
 * What an import reports. WARNING: a value could not be read and was left empty (or UNKNOWN), the
 * call imported; REJECTED: the row was left out, the rest imported; FATAL: the file could not be
 * read at all and nothing was written.
 */
export type ImportProblemSeverity = "WARNING" | "REJECTED" | "FATAL";

export type ImportProblem = {
  /** The call's position in the file, from 1 (in a CSV, the first line after the header); 0 for the file itself. */
  row: number;
  identifier: string | null;
  field: string | null;
  reason: string;
  severity: ImportProblemSeverity;
};

export const fatal = (reason: string): ImportProblem => ({
  row: 0,
  identifier: null,
  field: null,
  reason,
  severity: "FATAL",
});

/** Thrown by the readers when the file cannot be read; the importer turns it into a report. */
export class FatalImportError extends Error {
  constructor(readonly problems: ImportProblem[]) {
    super(problems.map((p) => p.reason).join(" "));
    this.name = "FatalImportError";
  }
}
