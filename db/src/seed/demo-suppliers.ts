import { inArray } from "drizzle-orm";
import type { Executor } from "../client.js";
import { certifications, organizations, supplierCpvCodes, supplierProfiles } from "../schema/index.js";

type Cert = Omit<typeof certifications.$inferInsert, "organizationId">;
type Supplier = {
  slug: string;
  offer: string;
  offerIt: string;
  capacity: string;
  cpv: string[];
  /** ISTAT codes; none with `whole`. */
  area: string[];
  whole?: boolean;
  certifications: Cert[];
};

const verified = { verification: "VERIFIED" as const, verifiedAt: new Date("2026-02-02T10:00:00Z") };

/**
 * Buy Social's demo suppliers (docs/buy-social.md): type A and B social cooperatives, a benefit
 * corporation with its impact report, a B Corp with its score, one expired certification and one
 * waiting for an admin, in both languages. Idempotent: a profile that exists is left as it is,
 * and certifications are added only to an organisation that has none.
 */
const SUPPLIERS: Supplier[] = [
  {
    slug: "ponte-aperto-cooperative",
    offer: "Office and school cleaning, and green-area maintenance, by teams that include people returning to work.",
    offerIt:
      "Pulizia di uffici e scuole e manutenzione del verde, con squadre che includono persone in reinserimento lavorativo.",
    capacity: "45 workers, 6 vans",
    cpv: ["90919200", "90919300", "77310000"],
    area: ["001272", "001156", "001090", "001120"],
    certifications: [
      {
        kind: "SOCIAL_COOP_B",
        evidenceUrl: "https://www.example.org/albo-cooperative/ponte-aperto",
        evidenceNote: "Albo società cooperative, sezione cooperative sociali di tipo B.",
        validUntil: "2028-12-31",
        ...verified,
      },
    ],
  },
  {
    slug: "grugliasco-agrifood-lab",
    offer: "Fresh vegetables and fruit from social farms, delivered to canteens; park and garden maintenance.",
    offerIt: "Verdura e frutta fresca da fattorie sociali, consegnate alle mense; manutenzione di parchi e giardini.",
    capacity: "4 hectares, 15 workers",
    cpv: ["03221000", "03222000", "77313000"],
    area: [],
    whole: true,
    certifications: [
      { kind: "SOCIAL_COOP_B", evidenceNote: "Iscrizione all'albo regionale delle cooperative sociali.", ...verified },
    ],
  },
  {
    slug: "chieri-textile-reuse",
    offer: "Laundry and repair of workwear and household textiles; collection of used textiles.",
    offerIt: "Lavanderia e riparazione di abiti da lavoro e tessili per la casa; raccolta di tessili usati.",
    capacity: "1.5 tonnes a day",
    cpv: ["98310000", "98311000", "18110000"],
    area: ["001078", "001257", "001048"],
    // An expired certification: no badge until it is renewed.
    certifications: [
      { kind: "SOCIAL_COOP_B", validUntil: "2025-06-30", evidenceNote: "Certificate to be renewed.", ...verified },
    ],
  },
  {
    slug: "barriera-community-kitchen",
    offer: "School and community catering with seasonal local food; meals on wheels.",
    offerIt: "Ristorazione scolastica e di comunità con cibo locale e di stagione; pasti a domicilio.",
    capacity: "800 meals a day",
    cpv: ["55524000", "55521100", "55520000"],
    area: ["001272"],
    certifications: [{ kind: "SOCIAL_COOP_A", evidenceNote: "Cooperativa sociale di tipo A.", ...verified }],
  },
  {
    slug: "san-salvario-neighbourhood-house",
    offer: "Social work, counselling and day-care services for families and older people.",
    offerIt: "Servizi di assistenza sociale, orientamento e centri diurni per famiglie e anziani.",
    capacity: "30 social workers",
    cpv: ["85310000", "85312300", "85311100"],
    area: ["001272"],
    // Waiting for an admin.
    certifications: [
      {
        kind: "SOCIAL_COOP_A",
        evidenceUrl: "https://www.example.org/registro/san-salvario",
        evidenceNote: "Please verify.",
      },
    ],
  },
  {
    slug: "verdemela-catering",
    offer: "Catering for events and canteens, zero-waste kitchen.",
    offerIt: "Catering per eventi e mense, cucina a spreco zero.",
    capacity: "Events up to 500 guests",
    cpv: ["55520000", "55523000", "79952000"],
    area: [],
    whole: true,
    certifications: [
      {
        kind: "BENEFIT_CORPORATION",
        impactReportUrl: "https://www.example.org/verdemela/impact-2025.pdf",
        impactReportYear: 2025,
        evidenceNote: "Società benefit dal 2021.",
        ...verified,
      },
    ],
  },
  {
    slug: "alpi-logistics",
    offer: "Removals, parcel delivery by cargo bike and storage.",
    offerIt: "Traslochi, consegna pacchi in cargo bike e magazzinaggio.",
    capacity: "20 cargo bikes, 4 electric vans",
    cpv: ["98392000", "60161000", "63120000"],
    area: ["001272", "001156", "001219", "001292"],
    certifications: [
      {
        kind: "B_CORP",
        bcorpScore: 92.4,
        recertificationDue: "2027-09-30",
        evidenceUrl: "https://www.example.org/b-corp/alpi",
        ...verified,
      },
    ],
  },
  {
    slug: "seconda-vita-reuse-association",
    offer: "Collection and reuse of furniture and bulky waste; refurbished office furniture.",
    offerIt: "Raccolta e riuso di mobili e ingombranti; mobili da ufficio ricondizionati.",
    capacity: "3 trucks, a 900 m² warehouse",
    cpv: ["90511000", "90514000", "39130000"],
    area: ["001272", "001265", "001249"],
    certifications: [
      {
        kind: "OTHER",
        label: "ISO 14001",
        validUntil: "2027-11-30",
        evidenceNote: "Environmental management system.",
        ...verified,
      },
    ],
  },
];

export async function seedDemoSuppliers(tx: Executor): Promise<number> {
  const orgs = await tx
    .select({ id: organizations.id, slug: organizations.slug })
    .from(organizations)
    .where(
      inArray(
        organizations.slug,
        SUPPLIERS.map((s) => s.slug),
      ),
    );
  const idOf = new Map(orgs.map((o) => [o.slug, o.id]));
  const certified = new Set(
    (
      await tx
        .select({ id: certifications.organizationId })
        .from(certifications)
        .where(inArray(certifications.organizationId, [...idOf.values()]))
    ).map((r) => r.id),
  );
  let count = 0;
  for (const s of SUPPLIERS) {
    const organizationId = idOf.get(s.slug);
    if (!organizationId) continue;
    const inserted = await tx
      .insert(supplierProfiles)
      .values({
        organizationId,
        offer: s.offer,
        offerIt: s.offerIt,
        capacity: s.capacity,
        serviceArea: s.area,
        wholeMetroArea: s.whole ?? false,
      })
      .onConflictDoNothing()
      .returning({ id: supplierProfiles.organizationId });
    if (inserted.length === 0) continue;
    count++;
    await tx
      .insert(supplierCpvCodes)
      .values(s.cpv.map((cpvCode) => ({ organizationId, cpvCode })))
      .onConflictDoNothing();
    if (!certified.has(organizationId)) {
      await tx.insert(certifications).values(s.certifications.map((c) => ({ ...c, organizationId })));
    }
  }
  return count;
}
