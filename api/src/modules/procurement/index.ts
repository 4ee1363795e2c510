import { defineModule } from "../../core/module.js";
import { AnswerService } from "./answer.service.js";
import { CpvTree } from "./cpv-tree.js";
import { NotificationRequestResolver } from "./notification-request.resolver.js";
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
  services: ({ db, notification }, options) => {
    const now = () => options.procurementClock?.() ?? new Date();
    // The cpv module's CpvService answers the same questions; procurement reads the tree itself until it is merged in.
    const cpv = new CpvTree();
    const procurement = new RequestService(db, notification, cpv, now);
    return {
      procurement,
      procurementAnswers: new AnswerService(db, notification, procurement, now),
      procurementReads: new RequestReadService(db, cpv, now),
    };
  },
  loaders: procurementLoaders,
  viewerLoaders: procurementViewerLoaders,
});
