import { useQuery } from "@apollo/client/react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { useViewer } from "../../app/session";
import { usePageTitle } from "../../app/usePageTitle";
import { graphql } from "../../gql";
import { Badge } from "../../ui/Badge";
import { ButtonLink } from "../../ui/Button";
import { SelectField } from "../../ui/Field";
import { Loading } from "../../ui/Loading";
import { MessagePage, PageError, PageLoading } from "../../ui/PageStates";
import { CallCard } from "./CallCard";
import { SearchSummary } from "./SearchSummary";
import "./hub.css";

const myOrganizationsQuery = graphql(`
  query HubMyOrganizations {
    viewer {
      id
      organizations {
        id
        role
        organization {
          id
          name
        }
      }
    }
  }
`);

const myOpportunitiesQuery = graphql(`
  query HubMyOpportunities($organizationId: ID!) {
    myOpportunities(organizationId: $organizationId) {
      organization {
        id
        name
      }
      matchingCalls {
        id
        ...FundingCallSummary
      }
      followedCalls {
        id
        ...FundingCallSummary
      }
      searches {
        id
        ...PartnerSearchSummary
      }
      interests {
        id
        status
        role
        organization {
          id
          name
        }
        search {
          id
          kind
          role
          organization {
            id
            name
          }
          call {
            id
            title
          }
        }
      }
    }
  }
`);

/** /hub/mine: an organisation's opportunities (chosen in the address as ?org= when the reader belongs to several). */
export function MinePage() {
  const { t } = useTranslation();
  usePageTitle(t("hub.mine.title"));
  const { viewer, loading: viewerLoading } = useViewer();
  const [params, setParams] = useSearchParams();
  const orgs = useQuery(myOrganizationsQuery, { skip: !viewer, fetchPolicy: "cache-and-network" });
  const memberships = orgs.data?.viewer?.organizations ?? [];
  const chosen = memberships.find((m) => m.organization.id === params.get("org")) ?? memberships[0];
  const organizationId = chosen?.organization.id ?? "";
  const opportunities = useQuery(myOpportunitiesQuery, {
    variables: { organizationId },
    skip: !organizationId,
    fetchPolicy: "cache-and-network",
  });

  if (viewerLoading || (orgs.loading && !orgs.data)) return <PageLoading />;
  if (!viewer)
    return (
      <MessagePage
        title={t("hub.mine.title")}
        body={t("hub.mine.anonymous")}
        actions={
          <ButtonLink to="/login" state={{ from: "/hub/mine" }}>
            {t("nav.login")}
          </ButtonLink>
        }
      />
    );
  if (orgs.error && !orgs.data) return <PageError error={orgs.error} retry={orgs.refetch} />;
  if (memberships.length === 0)
    return (
      <MessagePage
        title={t("hub.mine.title")}
        body={t("hub.mine.noOrganization")}
        actions={<ButtonLink to="/hub">{t("hub.calls.title")}</ButtonLink>}
      />
    );

  const data = opportunities.data?.myOpportunities;
  return (
    <div className="container page hub">
      <h1>{t("hub.mine.title")}</h1>
      {memberships.length > 1 ? (
        <SelectField
          label={t("hub.mine.organization")}
          value={organizationId}
          onChange={(e) => setParams({ org: e.target.value })}
        >
          {memberships.map((m) => (
            <option key={m.organization.id} value={m.organization.id}>
              {m.organization.name}
            </option>
          ))}
        </SelectField>
      ) : (
        <p className="hub__intro">{t("hub.mine.for", { name: chosen?.organization.name ?? "" })}</p>
      )}
      {opportunities.loading && !data ? (
        <Loading />
      ) : opportunities.error && !data ? (
        <PageError error={opportunities.error} retry={opportunities.refetch} />
      ) : data ? (
        <>
          <section aria-labelledby="hub-mine-matching">
            <h2 id="hub-mine-matching">{t("hub.mine.matching")}</h2>
            {data.matchingCalls.length === 0 ? (
              <p>{t("hub.mine.noMatching")}</p>
            ) : (
              <ul className="hub-list">
                {data.matchingCalls.map((call) => (
                  <li key={call.id}>
                    <CallCard call={call} canFollow headingLevel={3} />
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section aria-labelledby="hub-mine-followed">
            <h2 id="hub-mine-followed">{t("hub.mine.followed")}</h2>
            {data.followedCalls.length === 0 ? (
              <p>{t("hub.mine.noFollowed")}</p>
            ) : (
              <ul className="hub-list">
                {data.followedCalls.map((call) => (
                  <li key={call.id}>
                    <CallCard call={call} canFollow headingLevel={3} />
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section aria-labelledby="hub-mine-searches">
            <h2 id="hub-mine-searches">{t("hub.mine.searches")}</h2>
            {data.searches.length === 0 ? (
              <p>{t("hub.mine.noSearches")}</p>
            ) : (
              <ul className="hub-list">
                {data.searches.map((search) => (
                  <li key={search.id}>
                    <SearchSummary search={search} />
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section aria-labelledby="hub-mine-interests">
            <h2 id="hub-mine-interests">{t("hub.mine.interests")}</h2>
            {data.interests.length === 0 ? (
              <p>{t("hub.mine.noInterests")}</p>
            ) : (
              <ul className="hub-rows">
                {data.interests.map((interest) => (
                  <li key={interest.id}>
                    <Link to={`/hub/searches/${interest.search.id}`}>
                      {t(`hub.search.headline.${interest.search.kind}`, {
                        organization: interest.search.organization.name,
                        role: t(`hub.roles.${interest.search.role}`),
                      })}
                    </Link>{" "}
                    — {interest.search.call.title}{" "}
                    <Badge tone={interest.status === "CONFIRMED" ? "success" : "neutral"}>
                      {t(`hub.interest.status.${interest.status}`)}
                    </Badge>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      ) : null}
    </div>
  );
}
