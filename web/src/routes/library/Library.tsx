import { useQuery } from "@apollo/client/react";
import { type FormEvent, type ReactNode, useEffect, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { useLocation, useSearchParams } from "react-router";
import { onReconnect } from "../../app/apollo/client";
import { hasCode } from "../../app/errors";
import { graphql } from "../../gql";
import type {
  CommunityVisibility,
  LibrarySearchQuery,
  LibrarySort,
  ResourceKind,
  ResourceLanguage,
  ResourceSummaryFragment,
} from "../../gql/graphql";
import { Button, ButtonLink } from "../../ui/Button";
import { EmptyState } from "../../ui/EmptyState";
import { ErrorState } from "../../ui/ErrorState";
import { FieldError } from "../../ui/Field";
import { Loading } from "../../ui/Loading";
import { LoadMore } from "../../ui/LoadMore";
import { useLoadMore } from "../../ui/useLoadMore";
import { useCommunityEvents } from "../community/useCommunityEvents";
import { ProposeResourceForm } from "./ProposeResourceForm";
import { ResourceCard } from "./ResourceCard";
import { RESOURCE_KINDS, RESOURCE_LANGUAGES } from "./resource.fragment";
import "./library.css";

const PAGE_SIZE = 20;
/** Search covers threads and posts too; a larger page leaves more library results after filtering. */
const SEARCH_PAGE_SIZE = 50;
export const SEARCH_MIN = 2;
const SORTS: readonly LibrarySort[] = ["FEATURED_HELPFUL", "NEWEST"];

const communityLibraryQuery = graphql(`
  query CommunityLibrary(
    $slug: String!
    $first: Int!
    $after: String
    $kind: ResourceKind
    $language: ResourceLanguage
    $tag: String
    $sort: LibrarySort
  ) {
    community(slug: $slug) {
      id
      resources(first: $first, after: $after, kind: $kind, language: $language, tag: $tag, sort: $sort) {
        totalCount
        edges {
          cursor
          node {
            id
            ...ResourceSummary
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }
`);

const librarySearchQuery = graphql(`
  query LibrarySearch($query: String!, $communityId: ID!, $first: Int!, $after: String) {
    search(query: $query, communityId: $communityId, kinds: [RESOURCE], first: $first, after: $after) {
      edges {
        cursor
        snippet
        node {
          __typename
          ... on Resource {
            id
            ...ResourceSummary
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

type SearchEdge = LibrarySearchQuery["search"]["edges"][number];
type ResourceHit = SearchEdge & { node: Extract<SearchEdge["node"], { __typename: "Resource" }> };

interface Filters {
  kind: ResourceKind | null;
  language: ResourceLanguage | null;
  tag: string | null;
}

function matches(resource: Pick<ResourceSummaryFragment, "kind" | "language" | "tags">, filters: Filters): boolean {
  return (
    (!filters.kind || resource.kind === filters.kind) &&
    (!filters.language || resource.language === filters.language) &&
    (!filters.tag || resource.tags.includes(filters.tag))
  );
}

interface LibraryProps {
  community: { id: string; slug: string; name: string; visibility: CommunityVisibility };
  signedIn: boolean;
  /** An active member: may propose material. */
  canPropose: boolean;
}

/** The community's library: published material to filter, sort and search, and a way to propose more. */
export function Library({ community, signedIn, canPropose }: LibraryProps) {
  const { t } = useTranslation();
  const location = useLocation();
  const ids = { kind: useId(), language: useId(), sort: useId(), search: useId() };
  const [params, setParams] = useSearchParams();
  const filters: Filters = {
    kind: RESOURCE_KINDS.find((k) => k === params.get("kind")) ?? null,
    language: RESOURCE_LANGUAGES.find((l) => l === params.get("lang")) ?? null,
    tag: params.get("tag") || null,
  };
  const sort = SORTS.find((s) => s === params.get("sort")) ?? "FEATURED_HELPFUL";
  const query = (params.get("q") ?? "").trim();
  const searching = query.length >= SEARCH_MIN;
  const filtered = Boolean(filters.kind || filters.language || filters.tag);

  const [text, setText] = useState(query);
  const [tooShort, setTooShort] = useState(false);
  const [updates, setUpdates] = useState<ReadonlySet<string>>(new Set());
  // Community events are not replayed: after the connection was lost, offer the latest list.
  const [mayBeStale, setMayBeStale] = useState(false);
  useEffect(() => onReconnect(() => setMayBeStale(true)), []);
  // Back and Forward change the address: the search box follows it.
  useEffect(() => setText(query), [query]);

  const { data, loading, error, refetch, fetchMore } = useQuery(communityLibraryQuery, {
    variables: { slug: community.slug, first: PAGE_SIZE, sort, ...filters },
    fetchPolicy: "cache-and-network",
  });
  const resources = data?.community?.resources;
  const pager = useLoadMore(resources?.pageInfo, (after) => fetchMore({ variables: { after } }));
  const shown = new Set(resources?.edges.map((edge) => edge.node.id));
  const readable = !error || Boolean(data);

  useCommunityEvents(readable ? community.id : null, (event) => {
    if (event.kind !== "resourcePublished") return;
    const resource = event.resource;
    if (shown.has(resource.id) || !matches(resource, filters)) return;
    setUpdates((current) => (current.has(resource.id) ? current : new Set(current).add(resource.id)));
  });

  function setParam(changes: Partial<Record<"kind" | "lang" | "tag" | "sort" | "q", string | null>>) {
    const next = new URLSearchParams(params);
    for (const [name, value] of Object.entries(changes)) {
      if (value) next.set(name, value);
      else next.delete(name);
    }
    setParams(next, { preventScrollReset: true });
    setUpdates(new Set());
    setMayBeStale(false);
  }
  const setOne = (name: "kind" | "lang" | "tag" | "sort" | "q", value: string | null) => setParam({ [name]: value });

  function onSearch(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const value = text.trim();
    if (value && value.length < SEARCH_MIN) {
      setTooShort(true);
      return;
    }
    setTooShort(false);
    setOne("q", value || null);
  }

  async function showUpdates() {
    setUpdates(new Set());
    setMayBeStale(false);
    await refetch();
  }

  let content: ReactNode;
  if (searching) {
    content = (
      <LibrarySearchResults community={community} query={query} filters={filters} onTag={(v) => setOne("tag", v)} />
    );
  } else if (loading && !data) {
    content = <Loading />;
  } else if (error && !data) {
    content = isRefusal(error) ? (
      <HiddenLibrary visibility={community.visibility} />
    ) : (
      <ErrorState error={error} retry={refetch} />
    );
  } else if (!resources || resources.edges.length === 0) {
    content = filtered ? (
      <EmptyState
        title={t("library.noneMatchTitle")}
        action={
          <Button variant="secondary" size="sm" onClick={() => setParam({ kind: null, lang: null, tag: null })}>
            {t("library.clearFilters")}
          </Button>
        }
      >
        <p>{t("library.noneMatchBody")}</p>
      </EmptyState>
    ) : (
      <EmptyState
        title={t("library.emptyTitle")}
        action={
          signedIn ? null : (
            <ButtonLink to="/login" state={{ from: location.pathname + location.search }} size="sm">
              {t("nav.login")}
            </ButtonLink>
          )
        }
      >
        <p>{canPropose ? t("library.emptyPropose") : signedIn ? t("library.emptyJoin") : t("library.emptySignIn")}</p>
      </EmptyState>
    );
  } else {
    content = (
      <>
        <ul className="resource-grid">
          {resources.edges.map(({ node }) => (
            <ResourceCard key={node.id} resource={node} activeTag={filters.tag} onTag={(v) => setOne("tag", v)} />
          ))}
        </ul>
        <p className="library__status" role="status">
          {t("library.shown", { shown: resources.edges.length, count: resources.totalCount })}
        </p>
        <LoadMore pager={pager} />
      </>
    );
  }

  const nothingAtAll = !searching && !filtered && resources?.edges.length === 0;

  return (
    <section aria-labelledby="library-title" className="community__section library">
      <div className="discussions__head">
        <h2 id="library-title">{t("library.title")}</h2>
        {canPropose ? <ProposeResourceForm communityId={community.id} communitySlug={community.slug} /> : null}
      </div>

      {nothingAtAll ? null : (
        <div className="library__controls">
          <search className="library__search" aria-label={t("library.searchLabel")}>
            <form onSubmit={onSearch}>
              <label htmlFor={ids.search} className="field__label">
                {t("library.searchLabel")}
              </label>
              <div className="library__search-row">
                <input
                  id={ids.search}
                  type="search"
                  className="field__control"
                  value={text}
                  onChange={(event) => {
                    setText(event.target.value);
                    setTooShort(false);
                  }}
                  aria-invalid={tooShort || undefined}
                  aria-describedby={tooShort ? `${ids.search}-error` : undefined}
                  autoComplete="off"
                />
                <Button type="submit" variant="secondary">
                  {t("search.submit")}
                </Button>
              </div>
              {tooShort ? <FieldError id={`${ids.search}-error`}>{t("search.tooShort")}</FieldError> : null}
            </form>
          </search>
          <div className="library__filters">
            <div className="library__filter">
              <label htmlFor={ids.kind}>{t("library.kindFilter")}</label>
              <select
                id={ids.kind}
                className="select"
                value={filters.kind ?? ""}
                onChange={(event) => setOne("kind", event.target.value || null)}
              >
                <option value="">{t("library.allKinds")}</option>
                {RESOURCE_KINDS.map((kind) => (
                  <option key={kind} value={kind}>
                    {t(`library.kind.${kind}`)}
                  </option>
                ))}
              </select>
            </div>
            <div className="library__filter">
              <label htmlFor={ids.language}>{t("library.languageLabel")}</label>
              <select
                id={ids.language}
                className="select"
                value={filters.language ?? ""}
                onChange={(event) => setOne("lang", event.target.value || null)}
              >
                <option value="">{t("library.allLanguages")}</option>
                {RESOURCE_LANGUAGES.map((language) => (
                  <option key={language} value={language}>
                    {t(`library.language.${language}`)}
                  </option>
                ))}
              </select>
            </div>
            {searching ? null : (
              <div className="library__filter">
                <label htmlFor={ids.sort}>{t("threads.sortLabel")}</label>
                <select
                  id={ids.sort}
                  className="select"
                  value={sort}
                  onChange={(event) =>
                    setOne("sort", event.target.value === "FEATURED_HELPFUL" ? null : event.target.value)
                  }
                >
                  {SORTS.map((value) => (
                    <option key={value} value={value}>
                      {t(`library.sort.${value}`)}
                    </option>
                  ))}
                </select>
              </div>
            )}
          </div>
          {filters.tag || searching ? (
            <p className="discussions__filter">
              {searching ? (
                <>
                  <span>{t("library.searchingFor", { query })}</span>{" "}
                  <button type="button" className="link-button" onClick={() => setOne("q", null)}>
                    {t("library.clearSearch")}
                  </button>
                </>
              ) : null}
              {filters.tag ? (
                <>
                  <span>{t("library.filteredBy")}</span> <span className="tag tag--static">#{filters.tag}</span>{" "}
                  <button type="button" className="link-button" onClick={() => setOne("tag", null)}>
                    {t("threads.clearFilter")}
                  </button>
                </>
              ) : null}
            </p>
          ) : null}
        </div>
      )}

      {!searching && (updates.size > 0 || mayBeStale) ? (
        <div className="live-bar live-bar--top">
          <button type="button" className="live-bar__button" onClick={() => void showUpdates()}>
            {updates.size > 0 ? t("library.updates", { count: updates.size }) : t("library.reconnected")}
          </button>
        </div>
      ) : null}

      {content}
    </section>
  );
}

interface LibrarySearchResultsProps {
  community: { id: string; visibility: CommunityVisibility };
  query: string;
  filters: Filters;
  onTag: (tag: string | null) => void;
}

/** This community's material matching the search, best match first (the api narrows the search). */
function LibrarySearchResults({ community, query, filters, onTag }: LibrarySearchResultsProps) {
  const { t } = useTranslation();
  const { data, loading, error, refetch, fetchMore } = useQuery(librarySearchQuery, {
    variables: { query, communityId: community.id, first: SEARCH_PAGE_SIZE },
    fetchPolicy: "cache-and-network",
  });
  const search = data?.search;
  const pager = useLoadMore(search?.pageInfo, (after) => fetchMore({ variables: { after } }));

  if (loading && !data) return <Loading />;
  if (error && !data) {
    return isRefusal(error) ? (
      <HiddenLibrary visibility={community.visibility} />
    ) : (
      <ErrorState error={error} retry={refetch} />
    );
  }
  // Kind, language and tag still narrow what a page of results shows.
  const hits = (search?.edges ?? []).filter(
    (edge): edge is ResourceHit => edge.node.__typename === "Resource" && matches(edge.node, filters),
  );

  return (
    <>
      <p className="library__status" role="status">
        {t("library.searchCount", { count: hits.length, query })}
      </p>
      {hits.length === 0 && !pager.hasMore ? (
        <EmptyState title={t("library.searchNoneTitle", { query })}>
          <p>{t("library.searchNoneBody")}</p>
        </EmptyState>
      ) : (
        <ul className="resource-grid">
          {hits.map(({ node, snippet }) => (
            <ResourceCard key={node.id} resource={node} snippet={snippet} activeTag={filters.tag} onTag={onTag} />
          ))}
        </ul>
      )}
      <LoadMore pager={pager} label={t("search.more")} />
    </>
  );
}

const isRefusal = (error: unknown) => hasCode(error, "FORBIDDEN") || hasCode(error, "UNAUTHENTICATED");

/** What a visitor who may not read the library sees instead of it. */
function HiddenLibrary({ visibility }: { visibility: CommunityVisibility }) {
  const { t } = useTranslation();
  return (
    <EmptyState title={t("library.hiddenTitle")}>
      <p>{visibility === "MEMBERS" ? t("library.hiddenMembersOnly") : t("library.hiddenBody")}</p>
    </EmptyState>
  );
}
