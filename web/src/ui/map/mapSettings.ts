import { useQuery } from "@apollo/client/react";
import { graphql } from "../../gql";

// The tile source is the operator's configuration (MAP_TILE_URL, MAP_ATTRIBUTION): no public
// tile server is written into the app. Without one the map draws markers on a plain ground.
export const mapSettingsQuery = graphql(`
  query MapSettings {
    mapSettings {
      tileUrl
      attribution
    }
  }
`);

export function useMapSettings() {
  const { data, loading } = useQuery(mapSettingsQuery);
  return { settings: data?.mapSettings ?? null, loading };
}

/** Turin, where the ecosystem lives: the view when there is nothing to fit. */
export const DEFAULT_CENTER: [number, number] = [45.0703, 7.6869];
export const DEFAULT_ZOOM = 12;
