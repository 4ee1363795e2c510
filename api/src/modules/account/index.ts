import { defineModule } from "../../core/module.js";
import { AccountGuard } from "./account.guard.js";
import { AccountResolver } from "./account.resolver.js";
import { AccountDeletion } from "./account-deletion.service.js";
import { AccountExport } from "./account-export.service.js";

declare module "../../core/services.js" {
  interface Services {
    accountDeletion: AccountDeletion;
    accountExport: AccountExport;
  }
}

/**
 * The account holder's own data (docs/personal-data.md): the download of everything the account
 * holds and wrote, and the deletion of the account. Above every module whose rows it reads or
 * erases, so it is listed last.
 */
export const accountModule = defineModule({
  name: "account",
  resolvers: [AccountResolver],
  services: ({ db, bus }, options) => {
    const guard = new AccountGuard(options.redis);
    return { accountDeletion: new AccountDeletion(db, bus, guard), accountExport: new AccountExport(db, guard) };
  },
});
