import { skipToken, useQuery } from "@apollo/client/react";
import { useEffect, useState } from "react";
import { graphql } from "../../gql";

const mentionSuggestionsQuery = graphql(`
  query MentionSuggestions($slug: String!, $prefix: String!) {
    community(slug: $slug) {
      id
      mentionSuggestions(prefix: $prefix, first: 8) {
        id
        handle
        displayName
      }
    }
  }
`);

export interface Suggestion {
  id: string;
  handle: string;
  displayName: string;
}

const DEBOUNCE_MS = 150;

/** Members of the community whose handle or name starts with `prefix`; asked once typing pauses. */
export function useMentionSuggestions(slug: string | null | undefined, prefix: string | null): Suggestion[] {
  const [asked, setAsked] = useState<string | null>(null);
  useEffect(() => {
    if (prefix === null) {
      setAsked(null);
      return;
    }
    const timer = setTimeout(() => setAsked(prefix.toLowerCase()), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [prefix]);

  const { data, previousData } = useQuery(
    mentionSuggestionsQuery,
    slug && asked ? { variables: { slug, prefix: asked } } : skipToken,
  );
  if (prefix === null || !slug) return [];
  return (data ?? previousData)?.community?.mentionSuggestions ?? [];
}
