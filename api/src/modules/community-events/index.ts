import { defineModule } from "../../core/module.js";
import { CommunityEventsResolver } from "./community-events.resolver.js";

/**
 * `communityEvents(communityId)`: a community's live list changes, which tell of threads and
 * resources, so this sits above the thread and library modules (the topic itself is community's).
 */
export const communityEventsModule = defineModule({
  name: "community-events",
  resolvers: [CommunityEventsResolver],
});
