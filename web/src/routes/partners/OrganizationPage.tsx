import { useQuery } from "@apollo/client/react";
import { lazy, Suspense, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { usePageTitle } from "../../app/usePageTitle";
import { graphql } from "../../gql";
import { Alert } from "../../ui/Alert";
import { Badge } from "../../ui/Badge";
import { Button } from "../../ui/Button";
import { formatDate } from "../../ui/format";
import { Loading } from "../../ui/Loading";
import { PageHeader } from "../../ui/PageHeader";
import { PageError, PageLoading } from "../../ui/PageStates";
import { NotFoundContent } from "../not-found/NotFoundPage";
import { InviteColleague } from "./InviteColleague";
import { WithdrawDialog } from "./WithdrawDialog";
import "./partners.css";

// Leaflet only loads when the organisation has a point to show.
const PointMap = lazy(() => import("../../ui/map/PointMap").then((m) => ({ default: m.PointMap })));

export const organizationPageFragment = graphql(`
  fragment OrganizationPageFields on Organization {
    id
    slug
    name
    nameEn
    nameIt
    category
    description
    website
    address
    district
    latitude
    longitude
    memorandumSignedOn
    withdrawnOn
    isFormerPartner
    updatedAt
    memberCount
    themes {
      key
      name
    }
    sdgs {
      number
      name
    }
    communities {
      id
      slug
      name
    }
    coAuthoredDocuments {
      id
      title
      community {
        id
        name
      }
    }
    endorsedDocuments {
      id
      title
      community {
        id
        name
      }
    }
    representatives {
      id
      displayName
    }
    viewerIsRepresentative
    supplierProfile {
      published
    }
    viewerCanWithdraw
    viewerCanInviteMembers
  }
`);

const organizationPageQuery = graphql(`
  query OrganizationPage($slug: String!) {
    organization(slug: $slug) {
      id
      ...OrganizationPageFields
    }
  }
`);

function safeWebsite(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === "https:" || parsed.protocol === "http:" ? parsed.href : null;
  } catch {
    return null;
  }
}

/** /partners/:slug: one partner (or former partner), what it works on and with whom. */
export function OrganizationPage() {
  const { t, i18n } = useTranslation();
  const { slug = "" } = useParams();
  const { data, loading, error, refetch } = useQuery(organizationPageQuery, {
    variables: { slug },
    fetchPolicy: "cache-and-network",
  });
  const [withdrawing, setWithdrawing] = useState(false);
  const [withdrawn, setWithdrawn] = useState(false);
  const o = data?.organization;
  usePageTitle(o ? o.name : data ? t("organization.notFoundTitle") : null);

  if (loading && !data) return <PageLoading />;
  if (error && !data) return <PageError error={error} retry={refetch} />;
  if (!o) return <NotFoundContent title={t("organization.notFoundTitle")} body={t("organization.notFoundBody")} />;

  const website = safeWebsite(o.website);
  const otherName = i18n.language.startsWith("it") ? o.nameEn : o.nameIt;
  const date = (value: string) => formatDate(value, i18n.language);

  return (
    <>
      <PageHeader crumbs={[{ to: "/partners", label: t("directory.title") }]}>
        <div className="page__flags">
          <Badge tone="accent">{t(`organizations.category.${o.category}`)}</Badge>
          {o.isFormerPartner ? <Badge tone="neutral">{t("partners.former")}</Badge> : null}
        </div>
        <h1 className="page__title">{o.name}</h1>
        {otherName && otherName !== o.name ? (
          <p className="page__meta" lang={i18n.language.startsWith("it") ? "en" : "it"}>
            {otherName}
          </p>
        ) : null}
        {o.district ? <p className="page__meta">{o.district}</p> : null}
      </PageHeader>
      <div className="container page">
        {withdrawn ? <Alert tone="success">{t("organization.withdraw.done")}</Alert> : null}
        {o.isFormerPartner ? (
          <Alert tone="info">
            <p>{o.withdrawnOn ? t("organization.formerSince", { date: date(o.withdrawnOn) }) : t("partners.former")}</p>
          </Alert>
        ) : null}

        <div className="organization">
          <div className="organization__main">
            {o.description ? (
              <section aria-labelledby="about-title">
                <h2 id="about-title">{t("organization.about")}</h2>
                {o.description.split(/\n\s*\n/).map((paragraph) => (
                  <p key={paragraph}>{paragraph}</p>
                ))}
              </section>
            ) : null}

            <section aria-labelledby="themes-title">
              <h2 id="themes-title">{t("organization.themes")}</h2>
              {o.themes.length > 0 ? (
                <ul className="organization__tags">
                  {o.themes.map((theme) => (
                    <li key={theme.key}>
                      <Link to={`/partners?theme=${theme.key}`}>{theme.name}</Link>
                    </li>
                  ))}
                </ul>
              ) : (
                <p>{t("organization.noThemes")}</p>
              )}
              <h3>{t("organization.sdgs")}</h3>
              {o.sdgs.length > 0 ? (
                <ul className="organization__list">
                  {o.sdgs.map((sdg) => (
                    <li key={sdg.number}>{t("organization.sdg", { number: sdg.number, name: sdg.name })}</li>
                  ))}
                </ul>
              ) : (
                <p>{t("organization.noSdgs")}</p>
              )}
            </section>

            <section aria-labelledby="communities-title">
              <h2 id="communities-title">{t("organization.communities")}</h2>
              {o.communities.length > 0 ? (
                <ul className="organization__list">
                  {o.communities.map((c) => (
                    <li key={c.id}>
                      <Link to={`/c/${c.slug}`}>{c.name}</Link>
                    </li>
                  ))}
                </ul>
              ) : (
                <p>{t("organization.noCommunities")}</p>
              )}
            </section>

            <section aria-labelledby="documents-title">
              <h2 id="documents-title">{t("organization.documents")}</h2>
              <h3>{t("organization.coAuthored")}</h3>
              <DocumentList documents={o.coAuthoredDocuments} empty={t("organization.noCoAuthored")} />
              <h3>{t("organization.endorsed")}</h3>
              <DocumentList documents={o.endorsedDocuments} empty={t("organization.noEndorsed")} />
            </section>
          </div>

          <aside className="organization__aside" aria-label={t("organization.details")}>
            <section aria-labelledby="facts-title">
              <h2 id="facts-title">{t("organization.details")}</h2>
              <dl className="organization__facts">
                <dt>{t("organization.signedOn")}</dt>
                <dd>{o.memorandumSignedOn ? date(o.memorandumSignedOn) : t("organization.notSigned")}</dd>
                {o.withdrawnOn ? (
                  <>
                    <dt>{t("organization.withdrawnOn")}</dt>
                    <dd>{date(o.withdrawnOn)}</dd>
                  </>
                ) : null}
                {website ? (
                  <>
                    <dt>{t("organization.website")}</dt>
                    <dd>
                      <a href={website} rel="noopener noreferrer" target="_blank">
                        {new URL(website).host}
                        <span className="visually-hidden"> ({t("common.opensInNewTab")})</span>
                      </a>
                    </dd>
                  </>
                ) : null}
                {o.address ? (
                  <>
                    <dt>{t("organization.address")}</dt>
                    <dd>{o.address}</dd>
                  </>
                ) : null}
                {o.district ? (
                  <>
                    <dt>{t("organization.district")}</dt>
                    <dd>{o.district}</dd>
                  </>
                ) : null}
                <dt>{t("organization.people")}</dt>
                <dd>{t("organization.memberCount", { count: o.memberCount })}</dd>
              </dl>
              {o.supplierProfile || (o.viewerIsRepresentative && !o.withdrawnOn) ? (
                <p>
                  <Link to={`/partners/${o.slug}/supplier`}>{t("buySocial.profile.link")}</Link>
                </p>
              ) : null}
            </section>
            {o.representatives ? (
              <section aria-labelledby="representatives-title">
                <h2 id="representatives-title">{t("organization.representatives")}</h2>
                {o.representatives.length > 0 ? (
                  <ul className="organization__list">
                    {o.representatives.map((person) => (
                      <li key={person.id}>{person.displayName}</li>
                    ))}
                  </ul>
                ) : (
                  <p>{t("organization.noRepresentatives")}</p>
                )}
              </section>
            ) : null}
            {o.latitude != null && o.longitude != null ? (
              <section aria-labelledby="where-title">
                <h2 id="where-title">{t("organization.where")}</h2>
                <Suspense fallback={<Loading />}>
                  <PointMap
                    latitude={o.latitude}
                    longitude={o.longitude}
                    label={t("organization.mapLabel", { name: o.name })}
                  />
                </Suspense>
                <p>
                  <Link to={`/partners/map`}>{t("organization.onTheMap")}</Link>
                </p>
              </section>
            ) : null}
            {o.viewerCanInviteMembers ? <InviteColleague organizationId={o.id} /> : null}
            {o.viewerCanWithdraw ? (
              <section aria-labelledby="withdraw-title">
                <h2 id="withdraw-title">{t("organization.withdraw.heading")}</h2>
                <p>{t("organization.withdraw.intro")}</p>
                <Button variant="danger" onClick={() => setWithdrawing(true)}>
                  {t("organization.withdraw.open")}
                </Button>
                <WithdrawDialog
                  open={withdrawing}
                  onClose={() => setWithdrawing(false)}
                  organization={o}
                  onWithdrawn={() => {
                    setWithdrawing(false);
                    setWithdrawn(true);
                  }}
                  onStale={refetch}
                />
              </section>
            ) : null}
          </aside>
        </div>
      </div>
    </>
  );
}

function DocumentList({
  documents,
  empty,
}: {
  documents: readonly { id: string; title: string; community: { name: string } }[];
  empty: string;
}) {
  const { t } = useTranslation();
  if (documents.length === 0) return <p>{empty}</p>;
  return (
    <ul className="organization__list">
      {documents.map((d) => (
        <li key={d.id}>
          <Link to={`/d/${d.id}`}>{d.title}</Link> · {t("search.inCommunity")} {d.community.name}
        </li>
      ))}
    </ul>
  );
}
