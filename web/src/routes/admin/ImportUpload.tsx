import { FUNDING_IMPORT_MAX_BYTES } from "@pratica/rules";
import { type FormEvent, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Alert } from "../../ui/Alert";
import { Button } from "../../ui/Button";
import { FieldError } from "../../ui/Field";

export interface ImportProblemRow {
  row: number;
  identifier?: string | null;
  field?: string | null;
  reason: string;
  fatal: boolean;
}

export interface ImportReport {
  created: number;
  updated: number;
  unchanged: number;
  archived: number;
  rejected: number;
  problems: readonly ImportProblemRow[];
}

type Outcome =
  | { kind: "done"; report: ImportReport }
  | { kind: "refused"; message: string; problems: ImportProblemRow[] };

function formatOf(file: File): "json" | "csv" | null {
  if (/\.json$/i.test(file.name) || file.type === "application/json") return "json";
  if (/\.csv$/i.test(file.name) || file.type === "text/csv") return "csv";
  return null;
}

function problemsIn(body: unknown): ImportProblemRow[] {
  if (body && typeof body === "object") {
    const direct = "problems" in body ? body.problems : undefined;
    const nested =
      "error" in body && body.error && typeof body.error === "object" && "problems" in body.error
        ? body.error.problems
        : undefined;
    const list = direct ?? nested;
    if (Array.isArray(list)) return list as ImportProblemRow[];
  }
  return [];
}

function reportIn(body: unknown): ImportReport | null {
  if (body && typeof body === "object" && "import" in body && body.import && typeof body.import === "object") {
    return body.import as ImportReport;
  }
  return null;
}

/**
 * The file goes as the raw body of POST /admin/funding-calls/import (not through GraphQL, which
 * would need it inlined as a string): the session cookie authenticates it and the browser's
 * Origin header satisfies the api's same-origin rule for cookie POSTs. A file over the limit is
 * refused here before it is sent, as the api would refuse it (413).
 */
export function ImportUpload({ onDone }: { onDone: (report: ImportReport) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setOutcome(null);
    const file = input.current?.files?.[0];
    if (!file) return setProblem(t("hub.import.chooseFile"));
    const format = formatOf(file);
    if (!format) return setProblem(t("hub.import.badFormat"));
    if (file.size > FUNDING_IMPORT_MAX_BYTES)
      return setProblem(t("hub.import.tooLarge", { max: Math.round(FUNDING_IMPORT_MAX_BYTES / 1024 / 1024) }));
    setProblem(null);
    setBusy(true);
    try {
      const params = new URLSearchParams({ format, fileName: file.name });
      const response = await fetch(`/admin/funding-calls/import?${params}`, {
        method: "POST",
        credentials: "include",
        headers: { "content-type": format === "json" ? "application/json" : "text/csv" },
        body: file,
      });
      const body: unknown = await response.json().catch(() => null);
      const report = reportIn(body);
      if (response.ok && report) {
        setOutcome({ kind: "done", report });
        onDone(report);
      } else {
        const message =
          response.status === 413
            ? t("hub.import.tooLarge", { max: Math.round(FUNDING_IMPORT_MAX_BYTES / 1024 / 1024) })
            : response.status === 400
              ? t("hub.import.unreadable")
              : response.status === 401 || response.status === 403
                ? t("hub.import.notAllowed")
                : t("errors.UNKNOWN");
        setOutcome({ kind: "refused", message, problems: problemsIn(body) });
      }
    } catch {
      setOutcome({ kind: "refused", message: t("errors.NETWORK"), problems: [] });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="admin-import" onSubmit={(e) => void onSubmit(e)} noValidate>
      <div className={`field${problem ? " field--invalid" : ""}`}>
        <label className="field__label" htmlFor={id}>
          {t("hub.import.file")}
        </label>
        <p className="field__hint" id={`${id}-hint`}>
          {t("hub.import.fileHint")}
        </p>
        <input
          ref={input}
          id={id}
          type="file"
          accept=".json,.csv,application/json,text/csv"
          aria-describedby={problem ? `${id}-hint ${id}-error` : `${id}-hint`}
          aria-invalid={problem ? true : undefined}
          onChange={() => setProblem(null)}
        />
        {problem ? <FieldError id={`${id}-error`}>{problem}</FieldError> : null}
      </div>
      <p className="actions">
        <Button type="submit" busy={busy}>
          {t("hub.import.submit")}
        </Button>
      </p>
      {outcome?.kind === "refused" ? (
        <Alert title={outcome.message}>
          {outcome.problems.length > 0 ? <ProblemList problems={outcome.problems} /> : null}
        </Alert>
      ) : null}
      {outcome?.kind === "done" ? <Alert tone="success" title={t("hub.import.done")} /> : null}
    </form>
  );
}

function ProblemList({ problems }: { problems: readonly ImportProblemRow[] }) {
  const { t } = useTranslation();
  return (
    <ul className="admin-import__problems">
      {problems.map((p, index) => (
        // Problems have no id; their order is the file's and never changes.
        // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list, shown once
        <li key={index}>
          {t("hub.import.problemRow", { row: p.row })}
          {p.identifier ? ` (${p.identifier})` : ""}
          {p.field ? ` · ${p.field}` : ""}: {p.reason}
          {p.fatal ? ` — ${t("hub.import.fatal")}` : ""}
        </li>
      ))}
    </ul>
  );
}

/** What an import did: its counts, then every problem row with its reason. */
export function ImportReportView({ report, headingId }: { report: ImportReport; headingId?: string }) {
  const { t } = useTranslation();
  const counts = [
    ["created", report.created],
    ["updated", report.updated],
    ["unchanged", report.unchanged],
    ["archived", report.archived],
    ["rejected", report.rejected],
  ] as const;
  return (
    <div className="admin-import__report">
      {headingId ? <h3 id={headingId}>{t("hub.import.report")}</h3> : null}
      <dl className="admin-import__counts">
        {counts.map(([key, value]) => (
          <div key={key}>
            <dt>{t(`hub.import.counts.${key}`)}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {report.problems.length > 0 ? <ProblemList problems={report.problems} /> : <p>{t("hub.import.noProblems")}</p>}
    </div>
  );
}
