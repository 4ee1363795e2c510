import { useQuery } from "@apollo/client/react";
import { graphql } from "../gql";

export const viewerQuery = graphql(`
  query Viewer {
    viewer {
      id
      displayName
      role
      email
      emailVerified
      restrictedUntil
      suspendedUntil
    }
  }
`);

/** The signed-in user (null when anonymous). Cheap: every caller shares one cached query. */
export function useViewer() {
  const { data, loading, error } = useQuery(viewerQuery);
  return { viewer: data?.viewer ?? null, loading: loading && !data, error };
}

/** Where to go after login or registration: back where the visitor came from, never to a form. */
export function returnPath(state: unknown): string {
  if (state && typeof state === "object" && "from" in state && typeof state.from === "string") {
    const from = state.from;
    if (
      from.startsWith("/") &&
      !from.startsWith("//") &&
      !/^\/(login|register|forgot-password|reset-password)\b/.test(from)
    )
      return from;
  }
  return "/";
}
