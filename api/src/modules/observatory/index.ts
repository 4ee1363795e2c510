import { defineModule } from "../../core/module.js";
import { ObservatoryResolver } from "./observatory.resolver.js";
import { ObservatoryService, type ObservatorySettings } from "./observatory.service.js";

declare module "../../core/services.js" {
  interface Services {
    observatory: ObservatoryService;
  }
  interface ServiceOptions {
    /** The refresh job's queue, schedule, debounce and clock; absent where no app runs. */
    observatory?: ObservatorySettings | undefined;
  }
}

/**
 * The ecosystem at a glance: partners by category and signing year, members and activity per
 * community per month, the most active themes; aggregates refreshed by a job, never a scan per
 * page view. Above every module whose rows it counts.
 */
export const observatoryModule = defineModule({
  name: "observatory",
  resolvers: [ObservatoryResolver],
  services: ({ db }, options) => ({ observatory: new ObservatoryService(db, options.observatory ?? {}) }),
});
