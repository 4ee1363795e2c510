import type { LatLngBounds, LeafletKeyboardEvent } from "leaflet";
import { latLngBounds } from "leaflet";
import { useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Marker, Popup, useMap, useMapEvents } from "react-leaflet";
import { Link } from "react-router";
import Supercluster, { type ClusterProperties } from "supercluster";
import { clusterIcon, formerPointIcon, highlightedPointIcon, pointIcon } from "../../../ui/map/icons";
import type { PartnerFeature, PartnerProperties } from "./usePartnerFeatures";

// Leaflet makes markers focusable buttons but acts on a click only: Enter and Space act the same.
function activates(event: LeafletKeyboardEvent): boolean {
  const key = event.originalEvent.key;
  return key === "Enter" || key === " ";
}

/** Past this zoom every partner is its own marker ("show on map" zooms here). */
export const CLUSTER_MAX_ZOOM = 15;

export interface MapView {
  bounds: LatLngBounds;
  zoom: number;
}

interface Props {
  features: readonly PartnerFeature[];
  highlighted: string | null;
  onView: (view: MapView) => void;
}

/**
 * The partners as markers, grouped by supercluster into counted circles at the current zoom.
 * Markers and clusters are buttons Leaflet puts in the tab order (Enter opens a partner's popup
 * or zooms into a cluster); the list beside the map is the full keyboard and screen-reader way.
 */
export function ClusterLayer({ features, highlighted, onView }: Props) {
  const { t } = useTranslation();
  const map = useMap();
  const [view, setView] = useState<MapView>(() => ({ bounds: map.getBounds(), zoom: map.getZoom() }));

  const index = useMemo(() => {
    const cluster = new Supercluster<PartnerProperties>({ radius: 56, maxZoom: CLUSTER_MAX_ZOOM });
    cluster.load(features as PartnerFeature[]);
    return cluster;
  }, [features]);

  // A new set of partners (other filters) is fitted into view; the list follows from moveend.
  useEffect(() => {
    if (features.length === 0) return;
    const bounds = latLngBounds(features.map((f) => [f.geometry.coordinates[1], f.geometry.coordinates[0]]));
    map.fitBounds(bounds, { padding: [32, 32], maxZoom: CLUSTER_MAX_ZOOM });
  }, [features, map]);

  useMapEvents({
    moveend: () => setView({ bounds: map.getBounds(), zoom: map.getZoom() }),
  });

  useEffect(() => onView(view), [view, onView]);

  const west = view.bounds.getWest();
  const south = view.bounds.getSouth();
  const east = view.bounds.getEast();
  const north = view.bounds.getNorth();
  const clusters = useMemo(
    () => index.getClusters([west, south, east, north], Math.round(view.zoom)),
    [index, west, south, east, north, view.zoom],
  );

  return (
    <>
      {clusters.map((item) => {
        const [lng, lat] = item.geometry.coordinates as [number, number];
        const props = item.properties as Partial<ClusterProperties> & Partial<PartnerProperties>;
        if (props.cluster && props.cluster_id !== undefined) {
          const clusterId = props.cluster_id;
          const count = props.point_count ?? 0;
          const zoomIn = () =>
            map.setView([lat, lng], Math.min(index.getClusterExpansionZoom(clusterId), CLUSTER_MAX_ZOOM + 1));
          return (
            <Marker
              key={`cluster-${clusterId}`}
              position={[lat, lng]}
              icon={clusterIcon(count)}
              title={t("map.cluster", { count })}
              eventHandlers={{
                click: zoomIn,
                keypress: (event) => {
                  if (activates(event)) zoomIn();
                },
              }}
            />
          );
        }
        const p = item.properties as PartnerProperties;
        const icon = p.slug === highlighted ? highlightedPointIcon : p.withdrawn_on ? formerPointIcon : pointIcon;
        return (
          <Marker
            key={p.slug}
            position={[lat, lng]}
            icon={icon}
            title={p.name}
            zIndexOffset={p.slug === highlighted ? 1000 : 0}
            eventHandlers={{
              keypress: (event) => {
                if (activates(event)) event.target.openPopup();
              },
            }}
          >
            <Popup>
              <Link to={`/partners/${p.slug}`}>{p.name}</Link>
              <br />
              {p.category_label}
            </Popup>
          </Marker>
        );
      })}
    </>
  );
}
