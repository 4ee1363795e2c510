import { defineModule } from "../../core/module.js";
import { CertificationService } from "./certification.service.js";
import { SupplierDirectoryService } from "./directory.service.js";
import { SupplierProfileService } from "./profile.service.js";
import {
  CertificationFieldsResolver,
  OrganizationSupplierResolver,
  SupplierProfileFieldsResolver,
} from "./supplier-fields.resolver.js";
import { suppliersLoaders } from "./suppliers.loaders.js";
import { SuppliersResolver } from "./suppliers.resolver.js";

declare module "../../core/services.js" {
  interface Services {
    supplierProfiles: SupplierProfileService;
    certifications: CertificationService;
    supplierDirectory: SupplierDirectoryService;
    /** "Now" for certifications' expiry and verification dates (one object: tests replace its `now`). */
    supplierClock: { now: () => Date };
  }
  interface ServiceOptions {
    /** "Now" for certifications (expiry is today in Europe/Rome); tests move it. */
    suppliersClock?: (() => Date) | undefined;
  }
}
declare module "../../core/loaders.js" {
  interface SharedLoaders extends ReturnType<typeof suppliersLoaders> {}
}

/**
 * Buy Social's supplier side (docs/buy-social.md): partner organisations' supplier profiles (CPV
 * codes, service area), their certifications checked by admins, the public directory and its
 * open data (server/supplier-data-routes.ts). Above cpv, notification and admin, whose services
 * and rules it uses.
 */
export const suppliersModule = defineModule({
  name: "suppliers",
  resolvers: [
    SuppliersResolver,
    OrganizationSupplierResolver,
    SupplierProfileFieldsResolver,
    CertificationFieldsResolver,
  ],
  services: ({ db, cpv, notification }, options) => {
    const clock = { now: () => options.suppliersClock?.() ?? new Date() };
    return {
      supplierClock: clock,
      supplierProfiles: new SupplierProfileService(db, cpv),
      certifications: new CertificationService(db, notification, clock),
      supplierDirectory: new SupplierDirectoryService(db, cpv, clock),
    };
  },
  loaders: suppliersLoaders,
});
