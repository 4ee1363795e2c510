import { useQuery } from "@apollo/client/react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { usePageTitle } from "../../app/usePageTitle";
import { graphql } from "../../gql";
import { Alert } from "../../ui/Alert";
import { Badge } from "../../ui/Badge";
import { Button } from "../../ui/Button";
import { PageHeader } from "../../ui/PageHeader";
import { PageError, PageLoading } from "../../ui/PageStates";
import { NotFoundContent } from "../not-found/NotFoundPage";
import { areaSummary } from "./AreaFields";
import { CertificationBadges } from "./CertificationBadges";
import { Certifications } from "./Certifications";
import { CpvLabel } from "./CpvPicker";
import { SupplierProfileForm } from "./SupplierProfileForm";
import "./buy-social.css";

export const supplierPageQuery = graphql(`
  query SupplierProfilePage($slug: String!) {
    organization(slug: $slug) {
      id
      slug
      name
      withdrawnOn
      viewerIsRepresentative
      supplierProfile {
        offer
        offerEn
        offerIt
        capacity
        wholeMetroArea
        published
        directConventionEligible
        version
        viewerCanEdit
        cpvCodes {
          ...CpvChoice
        }
        serviceArea {
          code
          name
        }
        certifications {
          id
          ...CertificationFields
        }
      }
    }
  }
`);

/** /partners/:slug/supplier: what a partner supplies; its representatives edit it and its certifications. */
export function SupplierProfilePage() {
  const { t } = useTranslation();
  const { slug = "" } = useParams();
  const { data, loading, error, refetch } = useQuery(supplierPageQuery, {
    variables: { slug },
    fetchPolicy: "cache-and-network",
  });
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const o = data?.organization;
  const profile = o?.supplierProfile;
  const canEdit = Boolean(profile?.viewerCanEdit || (o && !profile && o.viewerIsRepresentative && !o.withdrawnOn));
  usePageTitle(o ? t("buySocial.profile.title", { name: o.name }) : data ? t("buySocial.profile.notFoundTitle") : null);

  if (loading && !data) return <PageLoading />;
  if (error && !data) return <PageError error={error} retry={refetch} />;
  if (!o || (!profile && !canEdit))
    return <NotFoundContent title={t("buySocial.profile.notFoundTitle")} body={t("buySocial.profile.notFoundBody")} />;

  const reload = () => void refetch();
  return (
    <>
      <PageHeader
        crumbs={[
          { to: "/buy-social", label: t("buySocial.directory.title") },
          { to: `/partners/${o.slug}`, label: o.name },
        ]}
      >
        {profile && !profile.published ? (
          <div className="page__flags">
            <Badge tone="warning">{t("buySocial.profile.unpublished")}</Badge>
          </div>
        ) : null}
        <h1 className="page__title">{t("buySocial.profile.title", { name: o.name })}</h1>
        <p className="page__meta">
          <Link to={`/partners/${o.slug}`}>{t("buySocial.profile.organizationPage")}</Link>
        </p>
      </PageHeader>
      <div className="container page supplier-profile">
        {saved ? <Alert tone="success">{t("buySocial.profile.saved")}</Alert> : null}
        {editing || (canEdit && !profile) ? (
          <SupplierProfileForm
            organizationId={o.id}
            profile={profile ?? null}
            onCancel={profile ? () => setEditing(false) : null}
            onSaved={() => {
              setEditing(false);
              setSaved(true);
              reload();
            }}
          />
        ) : profile ? (
          <>
            <CertificationBadges
              certifications={profile.certifications}
              directConventionEligible={profile.directConventionEligible}
            />
            {canEdit ? (
              <p>
                <Button
                  variant="secondary"
                  size="sm"
                  onClick={() => {
                    setSaved(false);
                    setEditing(true);
                  }}
                >
                  {t("buySocial.profile.edit")}
                </Button>
              </p>
            ) : null}
            <section aria-labelledby="supplier-offer">
              <h2 id="supplier-offer">{t("buySocial.profile.offer")}</h2>
              {profile.offer ? (
                profile.offer.split(/\n\s*\n/).map((paragraph) => <p key={paragraph}>{paragraph}</p>)
              ) : (
                <p>{t("buySocial.profile.noOffer")}</p>
              )}
              {profile.capacity ? (
                <p>
                  <strong>{t("buySocial.profile.capacity")}:</strong> {profile.capacity}
                </p>
              ) : null}
            </section>
            <section aria-labelledby="supplier-cpv">
              <h2 id="supplier-cpv">{t("buySocial.cpv.codes")}</h2>
              <ul className="cpv-list">
                {profile.cpvCodes.map((c) => (
                  <li key={c.code}>
                    <CpvLabel code={c} />
                  </li>
                ))}
              </ul>
            </section>
            <section aria-labelledby="supplier-area">
              <h2 id="supplier-area">{t("buySocial.area.label")}</h2>
              <p>
                {profile.wholeMetroArea
                  ? areaSummary(t, true, profile.serviceArea)
                  : profile.serviceArea.map((m) => m.name).join(", ")}
              </p>
            </section>
          </>
        ) : null}
        {profile ? (
          <Certifications
            organizationId={o.id}
            certifications={profile.certifications}
            canEdit={canEdit}
            onDone={reload}
          />
        ) : null}
      </div>
    </>
  );
}
