import { defineModule } from "../../core/module.js";
import { CommunityPathsResolver, LearningPathResolver, LearningPathStepResolver } from "./learning-path.resolver.js";
import { LearningPathService } from "./learning-path.service.js";
import { libraryLoaders, libraryViewerLoaders } from "./library.loaders.js";
import { CommunityLibraryResolver, ResourceDecisionRecordResolver, ResourceResolver } from "./resource.resolver.js";
import { ResourceService } from "./resource.service.js";
import { ResourceModerationResolver } from "./resource-moderation.resolver.js";
import { SavedResourcesResolver } from "./saved-resources.resolver.js";
import { SavedResourcesService } from "./saved-resources.service.js";

declare module "../../core/services.js" {
  interface Services {
    resource: ResourceService;
    learningPath: LearningPathService;
    savedResources: SavedResourcesService;
  }
}
declare module "../../core/loaders.js" {
  interface SharedLoaders extends ReturnType<typeof libraryLoaders> {}
  interface ViewerLoaders extends ReturnType<typeof libraryViewerLoaders> {}
}

export const libraryModule = defineModule({
  name: "library",
  resolvers: [
    ResourceResolver,
    ResourceModerationResolver,
    ResourceDecisionRecordResolver,
    CommunityLibraryResolver,
    SavedResourcesResolver,
    LearningPathResolver,
    LearningPathStepResolver,
    CommunityPathsResolver,
  ],
  services: ({ db, bus, community, notification }) => ({
    resource: new ResourceService(db, community, notification, bus),
    learningPath: new LearningPathService(db, community),
    savedResources: new SavedResourcesService(db),
  }),
  loaders: libraryLoaders,
  viewerLoaders: libraryViewerLoaders,
});
