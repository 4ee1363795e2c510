import { defineModule } from "../../core/module.js";
import { communityLoaders, communityViewerLoaders } from "./community.loaders.js";
import { CommunityResolver } from "./community.resolver.js";
import { CommunityService } from "./community.service.js";
import type { CommunityMessage } from "./community.topics.js";
import { CommunityNamesResolver } from "./community-names.resolver.js";
import { MembershipResolver, UserCommunitiesResolver } from "./membership.resolver.js";

declare module "../../core/services.js" {
  interface Services {
    community: CommunityService;
  }
}
declare module "../../core/loaders.js" {
  interface SharedLoaders extends ReturnType<typeof communityLoaders> {}
  interface ViewerLoaders extends ReturnType<typeof communityViewerLoaders> {}
}
declare module "../../core/topics.js" {
  interface Topics {
    community: [communityId: string, message: CommunityMessage];
  }
}

export const communityModule = defineModule({
  name: "community",
  resolvers: [CommunityResolver, CommunityNamesResolver, MembershipResolver, UserCommunitiesResolver],
  services: ({ db, bus }) => ({ community: new CommunityService(db, bus) }),
  loaders: communityLoaders,
  viewerLoaders: communityViewerLoaders,
});
