import { type ComponentType, lazy, type ReactNode, Suspense } from "react";
import { matchPath, Outlet, Route, Routes, useLocation } from "react-router";
import { loadPageStrings } from "../i18n";
import { HomePage } from "../routes/home/HomePage";
import { NotFoundPage } from "../routes/not-found/NotFoundPage";
import { PageLoading } from "../ui/PageStates";
import { AppShell } from "./AppShell";
import { BrowserRouter } from "./BrowserRouter";
import { RouteErrorBoundary } from "./RouteError";
import { appRoutes } from "./route-patterns";

// Each page but the home page and the 404 is a lazy page: its code (and what only it uses, such
// as Markdown rendering or the diff library) is a chunk of its own, fetched when the page is first
// visited. The home page stays in the entry because it is the usual first page, where a lazy chunk
// would add a round trip before anything shows; it is small. A chunk that fails to load (a
// release replaced it, the network dropped) throws where the page would render, and RouteError
// shows in its place. A page's strings (all but the home page's) are loaded alongside its code
// (i18n/index.ts). The paths come from route-patterns.ts, the list the api answers 200 for.

interface LazyPage {
  path: string;
  /** Starts loading the page's code and strings (once) and resolves to its component. */
  load: () => Promise<ComponentType>;
  Page: ComponentType;
}

function lazyPage(path: string, importPage: () => Promise<ComponentType>): LazyPage {
  let loading: Promise<ComponentType> | undefined;
  const load = () => {
    loading ??= Promise.all([importPage(), loadPageStrings()]).then(([Page]) => Page);
    return loading;
  };
  return { path, load, Page: lazy(() => load().then((Page) => ({ default: Page }))) };
}

const lazyPages: readonly LazyPage[] = [
  lazyPage(appRoutes.community, () => import("../routes/community/CommunityPage").then((m) => m.CommunityPage)),
  lazyPage(appRoutes.thread, () => import("../routes/thread/ThreadPage").then((m) => m.ThreadPage)),
  lazyPage(appRoutes.resource, () => import("../routes/resource/ResourcePage").then((m) => m.ResourcePage)),
  lazyPage(appRoutes.path, () => import("../routes/paths/PathPage").then((m) => m.PathPage)),
  lazyPage(appRoutes.deliverable, () => import("../routes/deliverable/DeliverablePage").then((m) => m.DeliverablePage)),
  lazyPage(appRoutes.endorsements, () =>
    import("../routes/deliverable/EndorsementsPage").then((m) => m.EndorsementsPage),
  ),
  lazyPage(appRoutes.manageDocument, () =>
    import("../routes/deliverable/ManageDocumentPage").then((m) => m.ManageDocumentPage),
  ),
  lazyPage(appRoutes.pathEditor, () => import("../routes/paths/PathEditorPage").then((m) => m.PathEditorPage)),
  lazyPage(appRoutes.search, () => import("../routes/search/SearchPage").then((m) => m.SearchPage)),
  lazyPage(appRoutes.notifications, () =>
    import("../routes/notifications/NotificationsPage").then((m) => m.NotificationsPage),
  ),
  lazyPage(appRoutes.saved, () => import("../routes/saved/SavedPage").then((m) => m.SavedPage)),
  lazyPage(appRoutes.login, () => import("../routes/login/LoginPage").then((m) => m.LoginPage)),
  lazyPage(appRoutes.register, () => import("../routes/register/RegisterPage").then((m) => m.RegisterPage)),
  lazyPage(appRoutes.profile, () => import("../routes/profile/ProfilePage").then((m) => m.ProfilePage)),
  lazyPage(appRoutes.notificationSettings, () =>
    import("../routes/preferences/NotificationSettingsPage").then((m) => m.NotificationSettingsPage),
  ),
  lazyPage(appRoutes.accountSecurity, () => import("../routes/account/SecurityPage").then((m) => m.SecurityPage)),
  lazyPage(appRoutes.confirmEmail, () => import("../routes/account/ConfirmEmailPage").then((m) => m.ConfirmEmailPage)),
  lazyPage(appRoutes.confirmEmailChange, () =>
    import("../routes/account/ConfirmEmailChangePage").then((m) => m.ConfirmEmailChangePage),
  ),
  lazyPage(appRoutes.forgotPassword, () =>
    import("../routes/account/ForgotPasswordPage").then((m) => m.ForgotPasswordPage),
  ),
  lazyPage(appRoutes.resetPassword, () =>
    import("../routes/account/ResetPasswordPage").then((m) => m.ResetPasswordPage),
  ),
  lazyPage(appRoutes.accountData, () =>
    import("../routes/account-data/AccountDataPage").then((m) => m.AccountDataPage),
  ),
  ...[
    appRoutes.admin,
    appRoutes.adminOrganizations,
    appRoutes.adminMembers,
    appRoutes.adminAudit,
    appRoutes.adminApplications,
    appRoutes.adminApplication,
    appRoutes.adminFundingCalls,
    appRoutes.adminCertifications,
  ].map((path) => lazyPage(path, () => import("../routes/admin/AdminPage").then((m) => m.AdminPage))),
  lazyPage(appRoutes.partnersApply, () => import("../routes/membership/ApplyPage").then((m) => m.ApplyPage)),
  lazyPage(appRoutes.partnersApplications, () =>
    import("../routes/membership/MyApplicationsPage").then((m) => m.MyApplicationsPage),
  ),
  lazyPage(appRoutes.partnersApplication, () =>
    import("../routes/membership/ApplicationPage").then((m) => m.ApplicationPage),
  ),
  lazyPage(appRoutes.observatory, () => import("../routes/observatory/ObservatoryPage").then((m) => m.ObservatoryPage)),
  lazyPage(appRoutes.invitation, () => import("../routes/admin/InvitationPage").then((m) => m.InvitationPage)),
  lazyPage(appRoutes.moderation, () => import("../routes/moderation/QueuePage").then((m) => m.QueuePage)),
  lazyPage(appRoutes.moderationCase, () => import("../routes/moderation/CasePage").then((m) => m.CasePage)),
  lazyPage(appRoutes.moderationMine, () => import("../routes/moderation/MyCasesPage").then((m) => m.MyCasesPage)),
  lazyPage(appRoutes.moderationReports, () =>
    import("../routes/moderation/MyReportsPage").then((m) => m.MyReportsPage),
  ),
  lazyPage(appRoutes.moderationLog, () =>
    import("../routes/moderation/ModerationLogPage").then((m) => m.ModerationLogPage),
  ),
  lazyPage(appRoutes.partners, () => import("../routes/partners/DirectoryPage").then((m) => m.DirectoryPage)),
  lazyPage(appRoutes.partnersMap, () => import("../routes/partners/map/MapPage").then((m) => m.MapPage)),
  lazyPage(appRoutes.newDecision, () => import("../routes/decisions/NewDecisionPage").then((m) => m.NewDecisionPage)),
  lazyPage(appRoutes.decision, () => import("../routes/decisions/DecisionPage").then((m) => m.DecisionPage)),
  lazyPage(appRoutes.organization, () => import("../routes/partners/OrganizationPage").then((m) => m.OrganizationPage)),
  lazyPage(appRoutes.events, () => import("../routes/events/EventsPage").then((m) => m.EventsPage)),
  lazyPage(appRoutes.newEvent, () => import("../routes/events/EventFormPage").then((m) => m.NewEventPage)),
  lazyPage(appRoutes.event, () => import("../routes/events/EventPage").then((m) => m.EventPage)),
  lazyPage(appRoutes.editEvent, () => import("../routes/events/EventFormPage").then((m) => m.EditEventPage)),
  lazyPage(appRoutes.hub, () => import("../routes/hub/CallsPage").then((m) => m.CallsPage)),
  lazyPage(appRoutes.hubCall, () => import("../routes/hub/CallPage").then((m) => m.CallPage)),
  lazyPage(appRoutes.hubSearch, () => import("../routes/hub/SearchPage").then((m) => m.SearchPage)),
  lazyPage(appRoutes.hubMine, () => import("../routes/hub/MinePage").then((m) => m.MinePage)),
  lazyPage(appRoutes.buySocial, () => import("../routes/buy-social/BuySocialPage").then((m) => m.BuySocialPage)),
  lazyPage(appRoutes.buyerRequests, () => import("../routes/buy-social/RequestsPage").then((m) => m.RequestsPage)),
  lazyPage(appRoutes.newBuyerRequest, () =>
    import("../routes/buy-social/RequestFormPage").then((m) => m.NewRequestPage),
  ),
  lazyPage(appRoutes.buyerRequest, () => import("../routes/buy-social/RequestPage").then((m) => m.RequestPage)),
  lazyPage(appRoutes.editBuyerRequest, () =>
    import("../routes/buy-social/RequestFormPage").then((m) => m.EditRequestPage),
  ),
  lazyPage(appRoutes.supplierProfile, () =>
    import("../routes/buy-social/SupplierProfilePage").then((m) => m.SupplierProfilePage),
  ),
];

/**
 * Starts loading the first page's code at once, while the strings load and before React renders
 * (a lazy page alone would start only when rendered).
 */
export function preloadPage(pathname: string): void {
  void lazyPages
    .find((page) => matchPath(page.path, pathname))
    ?.load()
    .catch(() => {
      // Shown by RouteError when the page renders.
    });
}

/** The shell with a page in it; an error anywhere in the shell replaces it with RouteError. */
export function AppRouter() {
  return (
    <BrowserRouter>
      <Boundary>
        <Routes>
          <Route element={<AppShell />}>
            <Route element={<PageOutlet />}>
              <Route index element={<HomePage />} />
              {lazyPages.map(({ path, Page }) => (
                <Route key={path} path={path} element={<Page />} />
              ))}
              <Route path="*" element={<NotFoundPage />} />
            </Route>
          </Route>
        </Routes>
      </Boundary>
    </BrowserRouter>
  );
}

/** An error in a page shows RouteError inside the shell; while the first page's chunk loads, a loading line. */
function PageOutlet() {
  return (
    <Boundary>
      <Suspense fallback={<PageLoading />}>
        <Outlet />
      </Suspense>
    </Boundary>
  );
}

function Boundary({ children }: { children: ReactNode }) {
  return <RouteErrorBoundary locationKey={useLocation().key}>{children}</RouteErrorBoundary>;
}
