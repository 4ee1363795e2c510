import type { LibrarySort, ResourceKind, ResourceLanguage, ResourceSummaryFragment } from "../../gql/graphql";

export const SORTS: readonly LibrarySort[] = ["FEATURED_HELPFUL", "NEWEST"];

/** What the library's address narrows the material to. */
export interface Filters {
  kind: ResourceKind | null;
  language: ResourceLanguage | null;
  tag: string | null;
}

export function matches(
  resource: Pick<ResourceSummaryFragment, "kind" | "language" | "tags">,
  filters: Filters,
): boolean {
  return (
    (!filters.kind || resource.kind === filters.kind) &&
    (!filters.language || resource.language === filters.language) &&
    (!filters.tag || resource.tags.includes(filters.tag))
  );
}
