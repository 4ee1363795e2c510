import { Marker } from "react-leaflet";
import { BaseMap } from "./BaseMap";
import { pointIcon } from "./icons";

/** An organisation's point on a small map (its page); the address beside it says the same in words. */
export function PointMap({ latitude, longitude, label }: { latitude: number; longitude: number; label: string }) {
  return (
    <BaseMap label={label} className="point-map" center={[latitude, longitude]} zoom={15}>
      <Marker position={[latitude, longitude]} icon={pointIcon} keyboard={false} />
    </BaseMap>
  );
}
