import { createBrowserRouter } from "react-router";
import { loadPageStrings } from "../i18n";
import { HomePage } from "../routes/home/HomePage";
import { NotFoundPage } from "../routes/not-found/NotFoundPage";
import { PageLoading } from "../ui/PageStates";
import { AppShell } from "./AppShell";
import { RouteError } from "./RouteError";

// Each page but the home page and the 404 is a lazy route: its code (and what only it uses, such
// as Markdown rendering or the diff library) is a chunk of its own, fetched when the page is first
// visited. The home page stays in the entry because it is the usual first page, where a lazy chunk
// would add a round trip before anything shows; it is small. A chunk that fails to load (a
// release replaced it, the network dropped) rejects `lazy`, and the router shows RouteError.
// A page's strings (all but the home page's) are loaded alongside its code (i18n/index.ts).
function withPageStrings<T>(page: Promise<T>): Promise<T> {
  return Promise.all([page, loadPageStrings()]).then(([module]) => module);
}

export const router = createBrowserRouter([
  {
    element: <AppShell />,
    errorElement: <RouteError />,
    children: [
      {
        errorElement: <RouteError />,
        // While the first page's chunk loads, the shell shows with this in place of the page.
        hydrateFallbackElement: <PageLoading />,
        children: [
          { index: true, element: <HomePage /> },
          {
            path: "c/:slug",
            lazy: () =>
              withPageStrings(import("../routes/community/CommunityPage")).then((m) => ({
                Component: m.CommunityPage,
              })),
          },
          {
            path: "t/:id",
            lazy: () =>
              withPageStrings(import("../routes/thread/ThreadPage")).then((m) => ({ Component: m.ThreadPage })),
          },
          {
            path: "r/:id",
            lazy: () =>
              withPageStrings(import("../routes/resource/ResourcePage")).then((m) => ({ Component: m.ResourcePage })),
          },
          {
            path: "p/:id",
            lazy: () => withPageStrings(import("../routes/paths/PathPage")).then((m) => ({ Component: m.PathPage })),
          },
          {
            path: "d/:id",
            lazy: () =>
              withPageStrings(import("../routes/deliverable/DeliverablePage")).then((m) => ({
                Component: m.DeliverablePage,
              })),
          },
          {
            path: "d/:id/endorsements",
            lazy: () =>
              withPageStrings(import("../routes/deliverable/EndorsementsPage")).then((m) => ({
                Component: m.EndorsementsPage,
              })),
          },
          {
            path: "d/:id/manage",
            lazy: () =>
              withPageStrings(import("../routes/deliverable/ManageDocumentPage")).then((m) => ({
                Component: m.ManageDocumentPage,
              })),
          },
          {
            path: "p/:id/edit",
            lazy: () =>
              withPageStrings(import("../routes/paths/PathEditorPage")).then((m) => ({ Component: m.PathEditorPage })),
          },
          {
            path: "search",
            lazy: () =>
              withPageStrings(import("../routes/search/SearchPage")).then((m) => ({ Component: m.SearchPage })),
          },
          {
            path: "notifications",
            lazy: () =>
              withPageStrings(import("../routes/notifications/NotificationsPage")).then((m) => ({
                Component: m.NotificationsPage,
              })),
          },
          {
            path: "saved",
            lazy: () => withPageStrings(import("../routes/saved/SavedPage")).then((m) => ({ Component: m.SavedPage })),
          },
          {
            path: "login",
            lazy: () => withPageStrings(import("../routes/login/LoginPage")).then((m) => ({ Component: m.LoginPage })),
          },
          {
            path: "register",
            lazy: () =>
              withPageStrings(import("../routes/register/RegisterPage")).then((m) => ({ Component: m.RegisterPage })),
          },
          {
            path: "profile",
            lazy: () =>
              withPageStrings(import("../routes/profile/ProfilePage")).then((m) => ({ Component: m.ProfilePage })),
          },
          { path: "*", element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
