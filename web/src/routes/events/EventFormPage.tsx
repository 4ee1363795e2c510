import { useQuery } from "@apollo/client/react";
import { useTranslation } from "react-i18next";
import { useParams, useSearchParams } from "react-router";
import { usePageTitle } from "../../app/usePageTitle";
import { graphql } from "../../gql";
import { PageHeader } from "../../ui/PageHeader";
import { PageError, PageLoading } from "../../ui/PageStates";
import { NotFoundContent } from "../not-found/NotFoundPage";
import { EventForm } from "./EventForm";
import "./events.css";

const newEventCommunityQuery = graphql(`
  query NewEventCommunity($slug: String!) {
    community(slug: $slug) {
      id
      slug
      name
    }
  }
`);

export const eventEditQuery = graphql(`
  query EventEdit($id: ID!) {
    event(id: $id) {
      id
      title
      titleEn
      titleIt
      descriptionEn
      descriptionIt
      mode
      placeName
      address
      latitude
      longitude
      onlineUrl
      startsAt
      endsAt
      timeZone
      capacity
      registration
      version
      viewerCanEdit
    }
  }
`);

/** /events/new?community=<slug>: a new event in that community (without one: platform-wide, for admins). */
export function NewEventPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const slug = params.get("community");
  usePageTitle(t("eventForm.newTitle"));
  const { data, loading, error, refetch } = useQuery(newEventCommunityQuery, {
    variables: { slug: slug ?? "" },
    skip: !slug,
  });
  if (slug && loading && !data) return <PageLoading />;
  if (slug && error && !data) return <PageError error={error} retry={refetch} />;
  const community = data?.community ?? null;
  if (slug && !community) return <NotFoundContent title={t("event.notFoundTitle")} body={t("event.notFoundBody")} />;
  const crumbs = [
    { to: "/events", label: t("events.title") },
    ...(community ? [{ to: `/c/${community.slug}`, label: community.name }] : []),
  ];
  return (
    <>
      <PageHeader crumbs={crumbs}>
        <h1 className="page__title">{t("eventForm.newTitle")}</h1>
        <p className="page__meta">{community ? community.name : t("events.platformWide")}</p>
      </PageHeader>
      <div className="container page">
        <EventForm communityId={community?.id ?? null} />
      </div>
    </>
  );
}

/** /events/:id/edit: the organisers' form, with the version read here. */
export function EditEventPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const { data, loading, error, refetch } = useQuery(eventEditQuery, {
    variables: { id },
    fetchPolicy: "network-only",
  });
  const event = data?.event;
  usePageTitle(event ? t("eventForm.editTitle", { title: event.title }) : null);
  if (loading && !data) return <PageLoading />;
  if (error && !data) return <PageError error={error} retry={refetch} />;
  if (!event?.viewerCanEdit) return <NotFoundContent title={t("event.notFoundTitle")} body={t("event.notFoundBody")} />;
  return (
    <>
      <PageHeader
        crumbs={[
          { to: "/events", label: t("events.title") },
          { to: `/events/${event.id}`, label: event.title },
        ]}
      >
        <h1 className="page__title">{t("eventForm.editTitle", { title: event.title })}</h1>
      </PageHeader>
      <div className="container page">
        <EventForm communityId={null} event={event} onStale={() => void refetch()} />
      </div>
    </>
  );
}
