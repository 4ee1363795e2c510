import { useEffect, useState } from "react";

/** The public properties of an upcoming event in /events.geojson. */
export interface EventProperties {
  id: string;
  title: string;
  starts_at: string;
  time_zone?: string | null;
  place_name?: string | null;
}

export interface EventFeature {
  type: "Feature";
  geometry: { type: "Point"; coordinates: [number, number] };
  properties: EventProperties;
}

/**
 * The upcoming events with a place, for the map's second layer. A failure leaves the layer empty:
 * the partners' map stands on its own, and the events have their own page.
 */
export function useEventFeatures(language: string): EventFeature[] {
  const [features, setFeatures] = useState<EventFeature[]>([]);
  useEffect(() => {
    const controller = new AbortController();
    fetch(`/events.geojson?lang=${encodeURIComponent(language)}`, {
      signal: controller.signal,
      headers: { accept: "application/geo+json" },
    })
      .then(async (response) => {
        if (!response.ok) return;
        const body = (await response.json()) as { features?: EventFeature[] };
        setFeatures((body.features ?? []).filter(isPoint));
      })
      .catch(() => undefined);
    return () => controller.abort();
  }, [language]);
  return features;
}

function isPoint(feature: EventFeature): boolean {
  const c = feature.geometry?.coordinates;
  return feature.geometry?.type === "Point" && Array.isArray(c) && Number.isFinite(c[0]) && Number.isFinite(c[1]);
}
