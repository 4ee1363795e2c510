import "leaflet/dist/leaflet.css";
import type { LatLngBoundsExpression, Map as LeafletMap } from "leaflet";
import type { ReactNode, Ref } from "react";
import { useTranslation } from "react-i18next";
import { MapContainer, TileLayer } from "react-leaflet";
import { DEFAULT_CENTER, DEFAULT_ZOOM, useMapSettings } from "./mapSettings";
import "./map.css";

interface BaseMapProps {
  /** The map's accessible name (the container is a labelled region). */
  label: string;
  className: string;
  center?: [number, number];
  zoom?: number;
  bounds?: LatLngBoundsExpression;
  ref?: Ref<LeafletMap>;
  children?: ReactNode;
  /** Said under the map when there are no tiles; the page may say more. */
  showNoTilesNote?: boolean;
}

/**
 * A Leaflet map with the configured tiles, or none: markers, clusters and the page's list work
 * the same on a plain ground (as in tests, where no tile server is reachable or allowed).
 */
export function BaseMap({
  label,
  className,
  center = DEFAULT_CENTER,
  zoom = DEFAULT_ZOOM,
  bounds,
  ref,
  children,
  showNoTilesNote = true,
}: BaseMapProps) {
  const { t } = useTranslation();
  const { settings, loading } = useMapSettings();
  const tileUrl = settings?.tileUrl ?? null;
  return (
    <div className="base-map">
      <section aria-label={label} className="base-map__region">
        <MapContainer
          ref={ref}
          className={`${className}${tileUrl ? "" : " base-map--plain"}`}
          center={bounds ? undefined : center}
          zoom={bounds ? undefined : zoom}
          bounds={bounds}
          boundsOptions={{ padding: [24, 24], maxZoom: 15 }}
          scrollWheelZoom={false}
        >
          {tileUrl ? <TileLayer url={tileUrl} attribution={settings?.attribution ?? ""} /> : null}
          {children}
        </MapContainer>
      </section>
      {!loading && !tileUrl && showNoTilesNote ? <p className="base-map__note">{t("map.noTiles")}</p> : null}
    </div>
  );
}
