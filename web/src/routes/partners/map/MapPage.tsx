import type { Map as LeafletMap } from "leaflet";
import { useCallback, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation } from "react-router";
import { usePageTitle } from "../../../app/usePageTitle";
import { currentLanguage } from "../../../i18n";
import { Button } from "../../../ui/Button";
import { ErrorState } from "../../../ui/ErrorState";
import { Loading } from "../../../ui/Loading";
import { BaseMap } from "../../../ui/map/BaseMap";
import { EventLayer } from "../../events/map/EventLayer";
import { EventList } from "../../events/map/EventList";
import { useEventFeatures } from "../../events/map/useEventFeatures";
import { openDataQuery, usePartnerFilters } from "../filters";
import { PartnerFilterControls } from "../PartnerFilterControls";
import "../../events/events.css";
import { usePartnerVocabulary } from "../vocabulary";
import { CLUSTER_MAX_ZOOM, ClusterLayer, type MapView } from "./ClusterLayer";
import { nameMatches, usePartnerFeatures } from "./usePartnerFeatures";
import "../partners.css";

/**
 * /partners/map: the partners with a point, clustered, and beside the map the list of those in
 * view. The list is the accessible alternative: it always holds every partner the map shows,
 * each with its page and a button that brings the map to it.
 */
export function MapPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t("map.title"));
  const location = useLocation();
  const { filters, setOne } = usePartnerFilters();
  const vocabulary = usePartnerVocabulary();
  const loaded = usePartnerFeatures(openDataQuery(filters, currentLanguage()));
  const [map, setMap] = useState<LeafletMap | null>(null);
  const [view, setView] = useState<MapView | null>(null);
  const [highlighted, setHighlighted] = useState<string | null>(null);
  const onView = useCallback((next: MapView) => setView(next), []);
  // The events are a second layer (issue 17), shown unless the reader hides them.
  const eventFeatures = useEventFeatures(currentLanguage());
  const [showEvents, setShowEvents] = useState(true);

  const features = useMemo(
    () => (loaded.features ?? []).filter((f) => nameMatches(f.properties.name, filters.q)),
    [loaded.features, filters.q],
  );
  const collator = useMemo(() => new Intl.Collator(i18n.language), [i18n.language]);
  const inView = useMemo(
    () =>
      view
        ? features
            .filter((f) => view.bounds.contains([f.geometry.coordinates[1], f.geometry.coordinates[0]]))
            .sort((a, b) => collator.compare(a.properties.name, b.properties.name))
        : [],
    [features, view, collator],
  );

  const showOnMap = (slug: string, lat: number, lng: number) => {
    setHighlighted(slug);
    map?.setView([lat, lng], Math.max(map.getZoom(), CLUSTER_MAX_ZOOM + 1));
  };

  const directorySearch = location.search;

  return (
    <div className="container page partners">
      <div className="partners__head">
        <div>
          <h1>{t("map.title")}</h1>
          <p className="partners__intro">{t("map.intro")}</p>
        </div>
      </div>
      <nav className="partners__links" aria-label={t("directory.elsewhere")}>
        <ul>
          <li>
            <Link to={{ pathname: "/partners", search: directorySearch }}>{t("map.directory")}</Link>
          </li>
          <li>
            <a href={`/partners.geojson?${openDataQuery(filters, currentLanguage())}`} download>
              {t("directory.geojson")}
            </a>
          </li>
        </ul>
      </nav>
      <PartnerFilterControls filters={filters} vocabulary={vocabulary.data} setOne={setOne} withSort={false} />
      {loaded.status === "error" ? <ErrorState error={loaded.error} retry={loaded.retry} /> : null}
      <div className="partners-map">
        <div>
          <BaseMap label={t("map.label")} className="partners-map__map" ref={setMap}>
            <ClusterLayer features={features} highlighted={highlighted} onView={onView} />
            {showEvents ? <EventLayer features={eventFeatures} /> : null}
          </BaseMap>
          <label className="partners-map__layer">
            <input type="checkbox" checked={showEvents} onChange={(e) => setShowEvents(e.target.checked)} />{" "}
            {t("mapEvents.layer")}
          </label>
        </div>
        <section aria-labelledby="in-view-title">
          <h2 id="in-view-title">{t("map.listTitle")}</h2>
          <p className="partners__count" role="status">
            {loaded.status === "loading" && !loaded.features
              ? t("map.loading")
              : t("map.inView", { count: inView.length })}
          </p>
          {loaded.status === "loading" && !loaded.features ? <Loading /> : null}
          {loaded.features && features.length === 0 ? <p>{t("map.none")}</p> : null}
          {inView.length > 0 ? (
            <ul className="partners-map__list">
              {inView.map((f) => {
                const [lng, lat] = f.geometry.coordinates;
                const p = f.properties;
                return (
                  <li key={p.slug} className="partners-map__item">
                    <span>
                      <Link to={`/partners/${p.slug}`}>{p.name}</Link>
                      <span className="partners-map__item-meta">
                        {p.category_label}
                        {p.district ? ` · ${p.district}` : ""}
                        {p.withdrawn_on ? ` · ${t("partners.former")}` : ""}
                      </span>
                    </span>
                    <Button size="sm" variant="secondary" onClick={() => showOnMap(p.slug, lat, lng)}>
                      {t("map.showOnMap")}
                      <span className="visually-hidden">: {p.name}</span>
                    </Button>
                  </li>
                );
              })}
            </ul>
          ) : null}
          {showEvents ? (
            <EventList
              features={eventFeatures}
              onShow={(lat, lng) => map?.setView([lat, lng], Math.max(map.getZoom(), CLUSTER_MAX_ZOOM + 1))}
            />
          ) : null}
        </section>
      </div>
    </div>
  );
}
