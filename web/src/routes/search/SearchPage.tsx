import { useQuery } from "@apollo/client/react";
import { SEARCH_MIN } from "@pratica/rules";
import { type FormEvent, type ReactNode, useEffect, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { usePageTitle } from "../../app/usePageTitle";
import { graphql } from "../../gql";
import type { SiteSearchQuery } from "../../gql/graphql";
import { Badge } from "../../ui/Badge";
import { Button } from "../../ui/Button";
import { EmptyState } from "../../ui/EmptyState";
import { ErrorState } from "../../ui/ErrorState";
import { FieldError } from "../../ui/Field";
import { Highlighted } from "../../ui/Highlighted";
import { Loading } from "../../ui/Loading";
import { LoadMore } from "../../ui/LoadMore";
import { useLoadMore } from "../../ui/useLoadMore";
import "./search.css";

const PAGE_SIZE = 20;

const KINDS = ["THREAD", "POST", "RESOURCE", "DELIVERABLE", "ORGANIZATION"] as const;
type Kind = (typeof KINDS)[number];

const searchCommunitiesQuery = graphql(`
  query SearchCommunities {
    communities {
      id
      name
      viewerCanRead
    }
  }
`);

const siteSearchQuery = graphql(`
  query SiteSearch(
    $query: String!
    $first: Int!
    $after: String
    $kinds: [SearchKind!]
    $communityId: ID
    $withCount: Boolean!
  ) {
    search(query: $query, first: $first, after: $after, kinds: $kinds, communityId: $communityId) {
      # Counting costs the server a second look: asked for with the first page only.
      totalCount @include(if: $withCount)
      totalCountExact @include(if: $withCount)
      edges {
        cursor
        snippet
        node {
          __typename
          ... on Resource {
            id
            title
            kind
            community {
              id
              slug
              name
            }
          }
          ... on Thread {
            id
            title
            community {
              id
              slug
              name
            }
          }
          ... on Deliverable {
            id
            title
            status
            community {
              id
              slug
              name
            }
          }
          ... on Organization {
            id
            slug
            name
            category
            isFormerPartner
          }
          ... on Post {
            id
            author {
              id
              displayName
            }
            thread {
              id
              title
              community {
                id
                slug
                name
              }
            }
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

type Edge = SiteSearchQuery["search"]["edges"][number];

/**
 * `/search?q=&kind=&community=`: discussions, replies, library material and documents of every
 * community the reader may read; `kind` (repeated) keeps some kinds, `community` one community.
 * The filters live in the address, so a filtered search can be shared and the back button works.
 */
export function SearchPage() {
  const { t, i18n } = useTranslation();
  const inputId = useId();
  const [params, setParams] = useSearchParams();
  const query = (params.get("q") ?? "").trim();
  const chosen = params.getAll("kind").filter((k): k is Kind => (KINDS as readonly string[]).includes(k));
  const kinds = chosen.length > 0 && chosen.length < KINDS.length ? chosen : null;
  const communityId = params.get("community") || null;
  const [text, setText] = useState(query);
  const [kindDraft, setKindDraft] = useState<readonly Kind[]>(kinds ?? KINDS);
  const [communityDraft, setCommunityDraft] = useState(communityId ?? "");
  useEffect(() => setText(query), [query]);
  const kindsKey = (kinds ?? []).join(",");
  useEffect(() => setKindDraft(kindsKey ? (kindsKey.split(",") as Kind[]) : KINDS), [kindsKey]);
  useEffect(() => setCommunityDraft(communityId ?? ""), [communityId]);
  const ready = query.length >= SEARCH_MIN;
  usePageTitle(ready ? t("search.titleFor", { query }) : t("search.title"));
  const { data: communityData } = useQuery(searchCommunitiesQuery);
  // The communities whose content the reader may search: public ones and those they belong to.
  const communities = (communityData?.communities ?? []).filter((c) => c.viewerCanRead);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const value = text.trim();
    const next = new URLSearchParams();
    if (value) next.set("q", value);
    // All kinds, or none ticked, is no filter at all.
    if (kindDraft.length > 0 && kindDraft.length < KINDS.length) for (const k of kindDraft) next.append("kind", k);
    if (communityDraft) next.set("community", communityDraft);
    setParams(next);
  }

  const toggleKind = (kind: Kind, on: boolean) =>
    setKindDraft((current) => KINDS.filter((k) => (k === kind ? on : current.includes(k))));
  const communityName = communities.find((c) => c.id === communityId)?.name;
  const scope = t("search.scope", {
    kinds: kinds
      ? new Intl.ListFormat(i18n.language, { type: "conjunction" }).format(
          kinds.map((k) => t(`search.filters.kind.${k}`).toLocaleLowerCase()),
        )
      : t("search.scopeKindsAll"),
    where: communityName ?? t("search.scopeAll"),
  });

  return (
    <div className="container page search-page">
      <h1 id="search-title">{t("search.title")}</h1>
      <search className="search-page__form" aria-labelledby="search-title">
        <form onSubmit={onSubmit}>
          <label htmlFor={inputId} className="field__label">
            {t("search.pageLabel")}
          </label>
          <div className="search-page__row">
            <input
              id={inputId}
              type="search"
              name="q"
              className="field__control"
              value={text}
              onChange={(event) => setText(event.target.value)}
              aria-invalid={query && !ready ? true : undefined}
              aria-describedby={query && !ready ? `${inputId}-error` : undefined}
              autoComplete="off"
            />
            <Button type="submit">{t("search.submit")}</Button>
          </div>
          {query && !ready ? <FieldError id={`${inputId}-error`}>{t("search.tooShort")}</FieldError> : null}
          <div className="search-page__filters">
            <fieldset className="search-page__kinds">
              <legend className="field__label">{t("search.filters.kinds")}</legend>
              {KINDS.map((kind) => (
                <label key={kind} className="search-page__kind">
                  <input
                    type="checkbox"
                    name="kind"
                    value={kind}
                    checked={kindDraft.includes(kind)}
                    onChange={(event) => toggleKind(kind, event.target.checked)}
                  />{" "}
                  {t(`search.filters.kind.${kind}`)}
                </label>
              ))}
            </fieldset>
            <div className="search-page__community">
              <label htmlFor={`${inputId}-community`} className="field__label">
                {t("search.filters.community")}
              </label>
              <select
                id={`${inputId}-community`}
                name="community"
                className="field__control"
                value={communityDraft}
                onChange={(event) => setCommunityDraft(event.target.value)}
              >
                <option value="">{t("search.filters.allCommunities")}</option>
                {communities.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </select>
            </div>
          </div>
        </form>
      </search>
      {ready ? (
        <>
          <p className="search-page__scope">{scope}</p>
          <Results
            key={`${query}|${kindsKey}|${communityId ?? ""}`}
            query={query}
            kinds={kinds}
            communityId={communityId}
          />
        </>
      ) : (
        <p className="search-page__hint">{t("search.hint")}</p>
      )}
    </div>
  );
}

function Results({
  query,
  kinds,
  communityId,
}: {
  query: string;
  kinds: readonly Kind[] | null;
  communityId: string | null;
}) {
  const { t } = useTranslation();
  const { data, loading, error, refetch, fetchMore } = useQuery(siteSearchQuery, {
    variables: { query, first: PAGE_SIZE, kinds: kinds ? [...kinds] : null, communityId, withCount: true },
    fetchPolicy: "cache-and-network",
  });
  const search = data?.search;
  const pager = useLoadMore(search?.pageInfo, (after) => fetchMore({ variables: { after, withCount: false } }));

  if (loading && !data) return <Loading />;
  if (error && !data) return <ErrorState error={error} retry={refetch} />;
  const edges = search?.edges ?? [];
  if (edges.length === 0) {
    return (
      <EmptyState title={t("search.noneTitle", { query })}>
        <p>{t("search.noneBody")}</p>
      </EmptyState>
    );
  }
  return (
    <section aria-labelledby="search-results-title">
      <h2 id="search-results-title" className="visually-hidden">
        {t("search.results")}
      </h2>
      <p className="search-page__count" role="status">
        {search?.totalCountExact === false
          ? t("search.countAbout", { count: search.totalCount ?? edges.length, query })
          : t("search.count", { count: search?.totalCount ?? edges.length, query })}
      </p>
      <ol className="search-results">
        {edges.map((edge) => (
          <SearchResult key={edge.cursor} edge={edge} />
        ))}
      </ol>
      <LoadMore pager={pager} label={t("search.more")} />
    </section>
  );
}

function SearchResult({ edge }: { edge: Edge }) {
  const { t } = useTranslation();
  const node = edge.node;
  let kind: ReactNode;
  let title: ReactNode;
  let community: { slug: string; name: string };
  if (node.__typename === "Resource") {
    kind = (
      <Badge tone="accent">
        {t("search.kind.Resource")} · {t(`library.kind.${node.kind}`)}
      </Badge>
    );
    title = <Link to={`/r/${node.id}`}>{node.title}</Link>;
    community = node.community;
  } else if (node.__typename === "Deliverable") {
    kind = (
      <Badge tone="accent">
        {t("search.kind.Deliverable")} · {t(`documents.status.${node.status}`)}
      </Badge>
    );
    title = <Link to={`/d/${node.id}`}>{node.title}</Link>;
    community = node.community;
  } else if (node.__typename === "Thread") {
    kind = <Badge tone="neutral">{t("search.kind.Thread")}</Badge>;
    title = <Link to={`/t/${node.id}`}>{node.title}</Link>;
    community = node.community;
  } else if (node.__typename === "Organization") {
    // A partner belongs to no community: its category stands where the community would.
    return (
      <li className="search-result">
        <p className="search-result__meta">
          <Badge tone="accent">{t("search.kind.Organization")}</Badge>{" "}
          <span>{t(`organizations.category.${node.category}`)}</span>
          {node.isFormerPartner ? (
            <>
              {" "}
              <Badge tone="neutral">{t("partners.former")}</Badge>
            </>
          ) : null}
        </p>
        <h3 className="search-result__title">
          <Link to={`/partners/${node.slug}`}>{node.name}</Link>
        </h3>
        {edge.snippet ? (
          <p className="search-result__snippet">
            <Highlighted snippet={edge.snippet} />
          </p>
        ) : null}
      </li>
    );
  } else if (node.__typename === "Post") {
    kind = <Badge tone="neutral">{t("search.kind.Post")}</Badge>;
    title = (
      <Link to={`/t/${node.thread.id}#post-${node.id}`}>
        {t("search.replyIn", { name: node.author.displayName, thread: node.thread.title })}
      </Link>
    );
    community = node.thread.community;
  } else {
    return null;
  }
  return (
    <li className="search-result">
      <p className="search-result__meta">
        {kind}{" "}
        <span>
          {t("search.inCommunity")} <Link to={`/c/${community.slug}`}>{community.name}</Link>
        </span>
      </p>
      <h3 className="search-result__title">{title}</h3>
      <p className="search-result__snippet">
        <Highlighted snippet={edge.snippet} />
      </p>
    </li>
  );
}
