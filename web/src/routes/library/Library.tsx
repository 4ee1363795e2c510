import { useQuery } from "@apollo/client/react";
import { SEARCH_MIN } from "@pratica/rules";
import { type FormEvent, type ReactNode, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useLocation, useSearchParams } from "react-router";
import { onReconnect } from "../../app/apollo/client";
import { graphql } from "../../gql";
import type { CommunityVisibility } from "../../gql/graphql";
import { Button, ButtonLink } from "../../ui/Button";
import { EmptyState } from "../../ui/EmptyState";
import { ErrorState } from "../../ui/ErrorState";
import { Loading } from "../../ui/Loading";
import { LoadMore } from "../../ui/LoadMore";
import { useLoadMore } from "../../ui/useLoadMore";
import { useCommunityEvents } from "../community/useCommunityEvents";
import { HiddenLibrary, isRefusal } from "./HiddenLibrary";
import { LibraryControls, type LibraryParam } from "./LibraryControls";
import { LibrarySearchResults } from "./LibrarySearchResults";
import { type Filters, matches, SORTS } from "./libraryFilters";
import { ProposeResourceForm } from "./ProposeResourceForm";
import { ResourceCard } from "./ResourceCard";
import { RESOURCE_KINDS, RESOURCE_LANGUAGES } from "./resource.fragment";
import "./library.css";

const PAGE_SIZE = 20;

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

  function setParam(changes: Partial<Record<LibraryParam, string | null>>) {
    const next = new URLSearchParams(params);
    for (const [name, value] of Object.entries(changes)) {
      if (value) next.set(name, value);
      else next.delete(name);
    }
    setParams(next, { preventScrollReset: true });
    setUpdates(new Set());
    setMayBeStale(false);
  }
  const setOne = (name: LibraryParam, value: string | null) => setParam({ [name]: value });

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
      <div className="section-head">
        <h2 id="library-title">{t("library.title")}</h2>
        {canPropose ? <ProposeResourceForm communityId={community.id} communitySlug={community.slug} /> : null}
      </div>

      {nothingAtAll ? null : (
        <LibraryControls
          filters={filters}
          sort={sort}
          query={query}
          searching={searching}
          text={text}
          tooShort={tooShort}
          onText={(value) => {
            setText(value);
            setTooShort(false);
          }}
          onSearch={onSearch}
          setOne={setOne}
        />
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
