import { defineModule } from "../../core/module.js";
import { cpvLoaders } from "./cpv.loaders.js";
import { CpvResolver } from "./cpv.resolver.js";
import { CpvService } from "./cpv.service.js";
import { MunicipalityResolver } from "./municipality.resolver.js";

declare module "../../core/services.js" {
  interface Services {
    cpv: CpvService;
  }
}
declare module "../../core/loaders.js" {
  interface SharedLoaders extends ReturnType<typeof cpvLoaders> {}
}

/**
 * Buy Social's reference data (docs/buy-social.md): the EU Common Procurement Vocabulary, with its
 * explicit hierarchy for matching, and the municipalities of the metropolitan area. Below the
 * suppliers and procurement modules, which check and match codes and places through it.
 */
export const cpvModule = defineModule({
  name: "cpv",
  resolvers: [CpvResolver, MunicipalityResolver],
  services: ({ db }) => ({ cpv: new CpvService(db) }),
  loaders: cpvLoaders,
});
