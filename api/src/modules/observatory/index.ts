import { defineModule } from "../../core/module.js";
import { ObservatoryService } from "./observatory.service.js";

declare module "../../core/services.js" {
  interface Services {
    observatory: ObservatoryService;
  }
}

/**
 * The ecosystem at a glance: partners by category and signing year, members and activity per
 * community per month, the most active themes; aggregates refreshed by a job, never a scan per
 * page view. Above every module whose rows it counts.
 */
export const observatoryModule = defineModule({
  name: "observatory",
  services: ({ db }) => ({ observatory: new ObservatoryService(db) }),
});
