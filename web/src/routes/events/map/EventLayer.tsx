import { divIcon } from "leaflet";
import { Marker, Tooltip } from "react-leaflet";
import type { EventFeature } from "./useEventFeatures";

// A square marker in the warm colour, so events read apart from the partners' pins (and not by colour alone).
const eventIcon = divIcon({
  className: "",
  html: '<span class="event-marker"></span>',
  iconSize: [20, 20],
  iconAnchor: [10, 20],
  popupAnchor: [0, -18],
});

/** The events' markers; the side list beside the map is their keyboard's way in. */
export function EventLayer({ features }: { features: readonly EventFeature[] }) {
  return (
    <>
      {features.map((f) => (
        <Marker
          key={f.properties.id}
          position={[f.geometry.coordinates[1], f.geometry.coordinates[0]]}
          icon={eventIcon}
          keyboard={false}
        >
          <Tooltip>{f.properties.title}</Tooltip>
        </Marker>
      ))}
    </>
  );
}
