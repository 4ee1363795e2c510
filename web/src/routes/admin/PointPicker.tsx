import type { LeafletMouseEvent } from "leaflet";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { Marker, useMap, useMapEvents } from "react-leaflet";
import { BaseMap } from "../../ui/map/BaseMap";
import { pointIcon } from "../../ui/map/icons";

interface PointPickerProps {
  latitude: number | null;
  longitude: number | null;
  onPick: (latitude: number, longitude: number) => void;
}

/**
 * A small map on which a click sets the organisation's point (no geocoder: the admin knows
 * where it is). The latitude and longitude fields beside it stay the keyboard's way in.
 */
export default function PointPicker({ latitude, longitude, onPick }: PointPickerProps) {
  const { t } = useTranslation();
  const point: [number, number] | null = latitude !== null && longitude !== null ? [latitude, longitude] : null;
  return (
    <BaseMap
      label={t("map.pickerLabel")}
      className="point-picker"
      center={point ?? undefined}
      zoom={point ? 15 : undefined}
    >
      <ClickToPick onPick={onPick} />
      {point ? <KeepInView latitude={point[0]} longitude={point[1]} /> : null}
      {point ? <Marker position={point} icon={pointIcon} keyboard={false} /> : null}
    </BaseMap>
  );
}

// Six decimals: about ten centimetres, more than an address needs and what GeoJSON readers expect.
const round = (n: number) => Math.round(n * 1e6) / 1e6;

/** A point typed into the fields, outside the map's view, brings the map to it (a click never needs to). */
function KeepInView({ latitude, longitude }: { latitude: number; longitude: number }) {
  const map = useMap();
  useEffect(() => {
    if (!map.getBounds().contains([latitude, longitude])) map.panTo([latitude, longitude]);
  }, [map, latitude, longitude]);
  return null;
}

function ClickToPick({ onPick }: { onPick: PointPickerProps["onPick"] }) {
  useMapEvents({
    click: (event: LeafletMouseEvent) => {
      const { lat, lng } = event.latlng.wrap();
      onPick(round(lat), round(lng));
    },
  });
  return null;
}
