import { defineModule } from "../../core/module.js";
import { AnswerService } from "./answer.service.js";
import { NotificationRequestResolver } from "./notification-request.resolver.js";
import { ProcurementData } from "./open-data.js";
import { procurementLoaders, procurementViewerLoaders } from "./procurement.loaders.js";
import { ProcurementResolver } from "./procurement.resolver.js";
import { RequestService } from "./request.service.js";
import { AnswerFieldsResolver, RequestFieldsResolver } from "./request-fields.resolver.js";
import { RequestReadService } from "./request-read.service.js";

declare module "../../core/services.js" {
  interface Services {
    procurement: RequestService;
    procurementAnswers: AnswerService;
    procurementReads: RequestReadService;
    procurementData: ProcurementData;
  }
  interface ServiceOptions {
    /** "Now" for requests' deadlines and certifications' expiry (tests move it); the system clock otherwise. */
    procurementClock?: (() => Date) | undefined;
  }
}

declare module "../../core/loaders.js" {
  interface SharedLoaders extends ReturnType<typeof procurementLoaders> {}
  interface ViewerLoaders extends ReturnType<typeof procurementViewerLoaders> {}
}

/**
 * Buy Social's buyer requests (docs/buy-social-requests.md): partner organisations ask for
 * supplies and services, matching suppliers are told, suppliers answer privately, the buyer
 * shortlists and awards or closes; the outcomes are open data (server/procurement-data-routes.ts).
 */
export const procurementModule = defineModule({
  name: "procurement",
  resolvers: [ProcurementResolver, RequestFieldsResolver, AnswerFieldsResolver, NotificationRequestResolver],
  services: ({ db, notification, cpv }, options) => {
    const now = () => options.procurementClock?.() ?? new Date();
    const procurement = new RequestService(db, notification, cpv, now);
    return {
      procurement,
      procurementAnswers: new AnswerService(db, notification, procurement, now),
      procurementReads: new RequestReadService(db, cpv, now),
      procurementData: new ProcurementData(db),
    };
  },
  loaders: procurementLoaders,
  viewerLoaders: procurementViewerLoaders,
});
