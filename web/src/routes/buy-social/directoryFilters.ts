import { useCallback, useMemo } from "react";
import { useSearchParams } from "react-router";
import type { CertificationKind } from "../../gql/graphql";
import { isCertificationKind } from "./shared";

/**
 * The supplier directory's filters live in the address with the open data's names
 * (`/suppliers.csv?cpv=…&municipality=…`): a filtered page can be shared, Back undoes a filter,
 * and the CSV link carries the same query. A value the page does not understand is left out.
 */
export type SupplierFilterParam = "cpv" | "municipality" | "certification" | "q";

export interface SupplierFilters {
  /** A CPV code or the start of one (2 to 8 digits); descendants match. */
  cpv: string | null;
  /** An ISTAT code. */
  municipality: string | null;
  certification: CertificationKind | null;
  q: string;
}

export function parseSupplierFilters(params: URLSearchParams): SupplierFilters {
  const cpv = (params.get("cpv") ?? "").replace(/-\d$/, "");
  const certification = params.get("certification");
  const municipality = params.get("municipality");
  return {
    cpv: /^\d{2,8}$/.test(cpv) ? cpv : null,
    municipality: municipality && /^[\w-]{1,16}$/.test(municipality) ? municipality : null,
    certification: isCertificationKind(certification) ? certification : null,
    q: (params.get("q") ?? "").trim(),
  };
}

export function supplierQueryVariables(filters: SupplierFilters) {
  return {
    cpv: filters.cpv,
    municipality: filters.municipality,
    certification: filters.certification,
    query: filters.q || null,
  };
}

/** The CSV's query string: the same filters, and the language of its header. */
export function supplierOpenDataQuery(filters: SupplierFilters, lang: string): string {
  const params = new URLSearchParams();
  if (filters.cpv) params.set("cpv", filters.cpv);
  if (filters.municipality) params.set("municipality", filters.municipality);
  if (filters.certification) params.set("certification", filters.certification);
  if (filters.q) params.set("query", filters.q);
  params.set("lang", lang);
  return params.toString();
}

export function isSupplierFiltered(filters: SupplierFilters): boolean {
  return Boolean(filters.cpv || filters.municipality || filters.certification || filters.q);
}

/** The filters from the address, and how to change one (a new history entry, so Back undoes it). */
export function useSupplierFilters() {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => parseSupplierFilters(params), [params]);
  const setOne = useCallback(
    (name: SupplierFilterParam, value: string | null) => {
      setParams((current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(name, value);
        else next.delete(name);
        return next;
      });
    },
    [setParams],
  );
  const clear = useCallback(() => setParams(new URLSearchParams()), [setParams]);
  return { filters, setOne, clear };
}
