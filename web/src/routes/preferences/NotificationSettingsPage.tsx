import { useQuery } from "@apollo/client/react";
import { useTranslation } from "react-i18next";
import { Navigate, useLocation } from "react-router";
import { usePageTitle } from "../../app/usePageTitle";
import { graphql } from "../../gql";
import { PageError, PageLoading } from "../../ui/PageStates";
import { CalendarFeed } from "../events/CalendarFeed";
import { DeliveryForm } from "./DeliveryForm";
import { WatchList } from "./WatchList";
import "./preferences.css";

const settingsPageQuery = graphql(`
  query NotificationSettingsPage {
    viewer {
      id
      notificationSettings {
        emailDelivery
        timeZone
        digestHour
        locale
        watches {
          ...WatchSettingFields
          thread {
            id
            title
          }
          community {
            id
            slug
            name
          }
          deliverable {
            id
            title
          }
        }
      }
    }
  }
`);

/** /settings/notifications: email delivery, digest time, language, and the explicit watch levels. */
export function NotificationSettingsPage() {
  const { t } = useTranslation();
  usePageTitle(t("notificationSettings.title"));
  const location = useLocation();
  const { data, loading, error, refetch } = useQuery(settingsPageQuery, { fetchPolicy: "cache-and-network" });

  if (loading && !data) return <PageLoading />;
  if (error && !data) return <PageError error={error} retry={refetch} />;
  const settings = data?.viewer?.notificationSettings;
  if (!data?.viewer || !settings) return <Navigate to="/login" replace state={{ from: location.pathname }} />;

  return (
    <div className="container page notification-settings">
      <h1>{t("notificationSettings.title")}</h1>
      <p className="page__intro">{t("notificationSettings.intro")}</p>
      <div className="notification-settings__layout">
        <DeliveryForm settings={settings} />
        <WatchList watches={settings.watches} onChanged={() => void refetch()} />
      </div>
      <CalendarFeed />
    </div>
  );
}
