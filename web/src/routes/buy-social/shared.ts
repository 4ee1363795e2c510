import { useQuery } from "@apollo/client/react";
import { graphql } from "../../gql";
import type { BudgetBand, BuyerRequestState, CertificationKind } from "../../gql/graphql";

export const CERTIFICATION_KINDS = [
  "SOCIAL_COOP_A",
  "SOCIAL_COOP_B",
  "BENEFIT_CORPORATION",
  "B_CORP",
  "OTHER",
] as const satisfies readonly CertificationKind[];

export const BUDGET_BANDS = [
  "UNDER_5K",
  "FROM_5K_TO_40K",
  "FROM_40K_TO_140K",
  "FROM_140K_TO_EU_THRESHOLD",
  "OVER_EU_THRESHOLD",
] as const satisfies readonly BudgetBand[];

export const REQUEST_STATES = [
  "DRAFT",
  "OPEN",
  "SHORTLISTING",
  "AWARDED",
  "CLOSED",
] as const satisfies readonly BuyerRequestState[];

/** Buyers' requests are answered by the wall clock of the metropolitan area, whatever the reader's zone. */
export const REQUEST_TIME_ZONE = "Europe/Rome";

export function isCertificationKind(value: string | null): value is CertificationKind {
  return (CERTIFICATION_KINDS as readonly (string | null)[]).includes(value);
}

const representedQuery = graphql(`
  query BuySocialRepresented {
    viewer {
      id
      role
      organizations {
        id
        role
        organization {
          id
          slug
          name
          withdrawnOn
          supplierProfile {
            version
          }
        }
      }
    }
  }
`);

export interface RepresentedOrganization {
  id: string;
  slug: string;
  name: string;
  /** Whether it has a supplier profile (it may then answer requests). */
  isSupplier: boolean;
}

/**
 * The current partners the viewer represents: the organisations they may act for (publish a
 * request, answer one, edit a supplier profile). The api decides again on each write.
 */
export function useRepresentedOrganizations() {
  const { data, loading } = useQuery(representedQuery, { fetchPolicy: "cache-and-network" });
  const organizations: RepresentedOrganization[] = (data?.viewer?.organizations ?? [])
    .filter((m) => m.role === "REPRESENTATIVE" && !m.organization.withdrawnOn)
    .map(({ organization: o }) => ({ id: o.id, slug: o.slug, name: o.name, isSupplier: Boolean(o.supplierProfile) }));
  // Representatives and members alike: "the buyer's people" read a request's answers.
  const belongsTo = new Set((data?.viewer?.organizations ?? []).map((m) => m.organization.id));
  return {
    organizations,
    belongsTo,
    signedIn: Boolean(data?.viewer),
    isAdmin: data?.viewer?.role === "ADMIN",
    loading: loading && !data,
  };
}

/** "€ 12,500" in the reader's language; whole euro (the api stores whole euro). */
export function formatEuro(amount: number, language: string): string {
  return new Intl.NumberFormat(language, { style: "currency", currency: "EUR", maximumFractionDigits: 0 }).format(
    amount,
  );
}
