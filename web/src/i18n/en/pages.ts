// The strings of every page but the home page, one file per feature, loaded together (one chunk)
// by any lazy route: see ../index.ts.
import account from "./pages/account.json";
import admin from "./pages/admin.json";
import buySocial from "./pages/buySocial.json";
import community from "./pages/community.json";
import data from "./pages/data.json";
import decisions from "./pages/decisions.json";
import documents from "./pages/documents.json";
import events from "./pages/events.json";
import hidden from "./pages/hidden.json";
import hub from "./pages/hub.json";
import library from "./pages/library.json";
import membership from "./pages/membership.json";
import moderation from "./pages/moderation.json";
import notify from "./pages/notify.json";
import observatory from "./pages/observatory.json";
import partners from "./pages/partners.json";
import paths from "./pages/paths.json";
import security from "./pages/security.json";
import thread from "./pages/thread.json";

export default {
  ...community,
  ...thread,
  ...library,
  ...paths,
  ...documents,
  ...account,
  ...data,
  ...security,
  ...notify,
  ...admin,
  ...moderation,
  ...hidden,
  ...membership,
  ...observatory,
  ...partners,
  ...decisions,
  ...events,
  ...hub,
  ...buySocial,
};
