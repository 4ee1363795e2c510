/**
 * The path of every page: one list for the router and for the api, which answers 404 to a path
 * none of these match. The api cannot import the web's sources (its image holds web/dist only),
 * so the build writes the list beside index.html as app-routes.json (vite.config.ts) and the api
 * reads it from the build it serves.
 *
 * router.tsx takes its routes' paths from here; api/src/test/server/web-routes.test.ts fails if it
 * spells a path out that this list lacks.
 *
 * The api understands static segments and `:param` (one non-empty segment); teach
 * api/src/server/web-routes.ts before using optional segments or splats.
 */
export const appRoutes = {
  home: "/",
  community: "/c/:slug",
  thread: "/t/:id",
  resource: "/r/:id",
  path: "/p/:id",
  pathEditor: "/p/:id/edit",
  deliverable: "/d/:id",
  endorsements: "/d/:id/endorsements",
  manageDocument: "/d/:id/manage",
  search: "/search",
  notifications: "/notifications",
  saved: "/saved",
  login: "/login",
  register: "/register",
  profile: "/profile",
  notificationSettings: "/settings/notifications",
  accountSecurity: "/account/security",
  confirmEmail: "/confirm-email",
  confirmEmailChange: "/confirm-email-change",
  forgotPassword: "/forgot-password",
  resetPassword: "/reset-password",
  accountData: "/account/data",
  admin: "/admin",
  adminOrganizations: "/admin/organizations",
  adminMembers: "/admin/members",
  adminAudit: "/admin/audit",
  adminApplications: "/admin/applications",
  adminApplication: "/admin/applications/:id",
  partnersApply: "/partners/apply",
  partnersApplications: "/partners/applications",
  partnersApplication: "/partners/applications/:id",
  observatory: "/observatory",
  invitation: "/invitation",
  moderation: "/moderation",
  moderationCase: "/moderation/cases/:id",
  moderationMine: "/moderation/mine",
  moderationReports: "/moderation/reports",
  moderationLog: "/c/:slug/moderation-log",
  partners: "/partners",
  partnersMap: "/partners/map",
  organization: "/partners/:slug",
  newDecision: "/decisions/new",
  decision: "/decisions/:id",
  events: "/events",
  newEvent: "/events/new",
  event: "/events/:id",
  editEvent: "/events/:id/edit",
  hub: "/hub",
  hubCall: "/hub/calls/:id",
  hubSearch: "/hub/searches/:id",
  hubMine: "/hub/mine",
  adminFundingCalls: "/admin/funding-calls",
  buySocial: "/buy-social",
  buyerRequests: "/buy-social/requests",
  newBuyerRequest: "/buy-social/requests/new",
  buyerRequest: "/buy-social/requests/:id",
  editBuyerRequest: "/buy-social/requests/:id/edit",
  supplierProfile: "/partners/:slug/supplier",
  adminCertifications: "/admin/certifications",
} as const;

export const APP_ROUTES_FILE = "app-routes.json";

export const appRoutePatterns: readonly string[] = Object.values(appRoutes);
