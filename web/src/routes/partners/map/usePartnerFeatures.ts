import { useCallback, useEffect, useState } from "react";

/** The public properties of a partner in /partners.geojson (the contract's open data). */
export interface PartnerProperties {
  slug: string;
  name: string;
  category: string;
  category_label: string;
  district: string | null;
  withdrawn_on: string | null;
}

export interface PartnerFeature {
  type: "Feature";
  id?: string;
  geometry: { type: "Point"; coordinates: [number, number] };
  properties: PartnerProperties;
}

type State =
  | { status: "loading"; features: PartnerFeature[] | null }
  | { status: "done"; features: PartnerFeature[] }
  | { status: "error"; error: Error; features: PartnerFeature[] | null };

/**
 * The map reads the open data it links to: one GeoJSON response with every partner that has a
 * point (the directory's page size would take several requests), public fields only, cached by
 * the browser for the five minutes the api allows.
 */
export function usePartnerFeatures(query: string) {
  const [state, setState] = useState<State>({ status: "loading", features: null });
  const [attempt, setAttempt] = useState(0);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);

  useEffect(() => {
    void attempt;
    const controller = new AbortController();
    setState((current) => ({ status: "loading", features: current.features }));
    fetch(`/partners.geojson?${query}`, { signal: controller.signal, headers: { accept: "application/geo+json" } })
      .then(async (response) => {
        if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
        const body = (await response.json()) as { features?: PartnerFeature[] };
        setState({ status: "done", features: (body.features ?? []).filter(isPoint) });
      })
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        setState((current) => ({
          status: "error",
          error: error instanceof Error ? error : new Error(String(error)),
          features: current.features,
        }));
      });
    return () => controller.abort();
  }, [query, attempt]);

  return { ...state, retry };
}

function isPoint(feature: PartnerFeature): boolean {
  const c = feature.geometry?.coordinates;
  return feature.geometry?.type === "Point" && Array.isArray(c) && Number.isFinite(c[0]) && Number.isFinite(c[1]);
}

/** Accents and case aside, as people type names ("universita" finds "Università"). */
export function nameMatches(name: string, query: string): boolean {
  if (!query) return true;
  const fold = (text: string) =>
    text
      .normalize("NFD")
      .replace(/\p{Diacritic}/gu, "")
      .toLocaleLowerCase();
  return fold(name).includes(fold(query));
}
