import { apiProblems } from "../app/errors";
import { useProblemMessage } from "../app/useProblemMessage";
import { Alert } from "./Alert";

interface ActionProblemProps {
  error: unknown;
}

/**
 * Why an action was refused, next to it: our sentence for the kind of problem, then the api's
 * own explanation when it has one (e.g. "This thread is locked…"); a network failure has only
 * ours.
 */
export function ActionProblem({ error }: ActionProblemProps) {
  const message = useProblemMessage();
  if (!error) return null;
  const problem = apiProblems(error)[0];
  // A new member's limit is told whole in our sentence (which limit, when to retry): the api's English adds nothing.
  const ours = problem?.reason?.startsWith("NEW_MEMBER_");
  const detail = problem && !ours && problem.code !== "NETWORK" && problem.code !== "UNKNOWN" ? problem.message : null;
  return <Alert title={message(error)}>{detail && detail !== message(error) ? <p>{detail}</p> : null}</Alert>;
}
