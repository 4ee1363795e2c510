import { useSearchParams } from "react-router";
import { apiProblems } from "../../app/errors";

export type LinkRefusal = "UNKNOWN" | "EXPIRED" | "USED";

/** The token of an emailed link (`?token=…`), or null when the page was opened without one. */
export function useLinkToken(): string | null {
  const [params] = useSearchParams();
  return params.get("token") || null;
}

/** Why the api refused a link's token, when that was the refusal (BAD_USER_INPUT on `token`). */
export function linkRefusal(error: unknown): LinkRefusal | null {
  const problem = apiProblems(error).find((p) => p.field === "token");
  const reason = problem?.reason;
  return reason === "EXPIRED" || reason === "USED" ? reason : problem ? "UNKNOWN" : null;
}
