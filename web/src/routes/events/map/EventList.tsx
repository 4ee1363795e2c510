import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { Button } from "../../../ui/Button";
import type { EventFeature } from "./useEventFeatures";

interface EventListProps {
  features: readonly EventFeature[];
  onShow: (lat: number, lng: number) => void;
}

/** The events on the map as a list: each with its page and a button that brings the map to it. */
export function EventList({ features, onShow }: EventListProps) {
  const { t, i18n } = useTranslation();
  return (
    <section aria-labelledby="map-events-title">
      <h2 id="map-events-title">{t("mapEvents.heading")}</h2>
      {features.length === 0 ? (
        <p>{t("mapEvents.none")}</p>
      ) : (
        <ul className="events-map__list">
          {features.map((f) => {
            const [lng, lat] = f.geometry.coordinates;
            const p = f.properties;
            const when = new Intl.DateTimeFormat(i18n.language, {
              dateStyle: "medium",
              timeStyle: "short",
              timeZone: p.time_zone ?? undefined,
            }).format(new Date(p.starts_at));
            return (
              <li key={p.id} className="events-map__item">
                <span>
                  <Link to={`/events/${p.id}`}>{p.title}</Link>
                  <span className="events-map__item-meta">
                    {when}
                    {p.place_name ? ` · ${p.place_name}` : ""}
                  </span>
                </span>
                <Button size="sm" variant="secondary" onClick={() => onShow(lat, lng)}>
                  {t("map.showOnMap")}
                  <span className="visually-hidden">: {p.title}</span>
                </Button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
