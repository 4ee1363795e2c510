import { defineModule } from "../../core/module.js";
import { ColleagueService } from "./colleagues.service.js";
import { CommunityThemesResolver } from "./community-themes.resolver.js";
import { DirectoryResolver } from "./directory.resolver.js";
import { DirectoryService } from "./directory.service.js";
import { OrganizationFieldsResolver } from "./organization-fields.resolver.js";
import { partnersLoaders, partnersViewerLoaders } from "./partners.loaders.js";
import { WithdrawalService } from "./withdrawal.service.js";

declare module "../../core/services.js" {
  interface Services {
    directory: DirectoryService;
    withdrawal: WithdrawalService;
    colleagues: ColleagueService;
  }
  interface ServiceOptions {
    /** The map's tile source (MAP_TILE_URL, MAP_ATTRIBUTION); absent: no tiles. */
    map?: { tileUrl: string | null; attribution: string | null } | undefined;
    /** "Now" for the directory's year rule and withdrawals' dates (tests move it). */
    partnersClock?: (() => Date) | undefined;
  }
}
declare module "../../core/loaders.js" {
  interface SharedLoaders extends ReturnType<typeof partnersLoaders> {}
  interface ViewerLoaders extends ReturnType<typeof partnersViewerLoaders> {}
}

/**
 * The partner directory (docs/partners.md): the `organizations` connection with its filters, the
 * organisation page's fields with their read rules, former partners, colleagues' invitations and
 * the open data (server/partner-data-routes.ts). Above deliverable and admin, whose rules and
 * invitations it uses; the `organization` module stays the low-level store others use.
 */
export const partnersModule = defineModule({
  name: "partners",
  resolvers: [DirectoryResolver, OrganizationFieldsResolver, CommunityThemesResolver],
  services: ({ db, community, notification, observatory, invitations }, options) => ({
    directory: new DirectoryService(db, community, options.map, options.partnersClock),
    withdrawal: new WithdrawalService(db, notification, observatory, options.partnersClock),
    colleagues: new ColleagueService(db, invitations, options.redis),
  }),
  loaders: partnersLoaders,
  viewerLoaders: partnersViewerLoaders,
});
