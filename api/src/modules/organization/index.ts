import { defineModule } from "../../core/module.js";
import { organizationLoaders } from "./organization.loaders.js";
import {
  OrganizationMembershipResolver,
  OrganizationResolver,
  UserOrganizationsResolver,
} from "./organization.resolver.js";
import { OrganizationService } from "./organization.service.js";
import { OrganizationNamesResolver } from "./organization-names.resolver.js";
import { SdgResolver, ThemeResolver } from "./vocabulary.type.js";

declare module "../../core/services.js" {
  interface Services {
    organization: OrganizationService;
  }
}
declare module "../../core/loaders.js" {
  interface SharedLoaders extends ReturnType<typeof organizationLoaders> {}
}

export const organizationModule = defineModule({
  name: "organization",
  resolvers: [
    OrganizationResolver,
    OrganizationNamesResolver,
    OrganizationMembershipResolver,
    UserOrganizationsResolver,
    ThemeResolver,
    SdgResolver,
  ],
  services: ({ db }) => ({ organization: new OrganizationService(db) }),
  loaders: organizationLoaders,
});
