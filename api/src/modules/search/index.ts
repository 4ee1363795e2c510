import { defineModule } from "../../core/module.js";
import { SearchResolver } from "./search.resolver.js";
import { SearchService } from "./search.service.js";

declare module "../../core/services.js" {
  interface Services {
    search: SearchService;
  }
  interface ServiceOptions {
    /** statement_timeout of a search; the service's default when absent. */
    searchTimeoutMs?: number | undefined;
  }
}

export const searchModule = defineModule({
  name: "search",
  resolvers: [SearchResolver],
  services: ({ db, community }, options) => ({ search: new SearchService(db, community, options.searchTimeoutMs) }),
});
