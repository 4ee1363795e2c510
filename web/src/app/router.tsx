import { createBrowserRouter } from "react-router";
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
            lazy: () => import("../routes/community/CommunityPage").then((m) => ({ Component: m.CommunityPage })),
          },
          {
            path: "t/:id",
            lazy: () => import("../routes/thread/ThreadPage").then((m) => ({ Component: m.ThreadPage })),
          },
          {
            path: "r/:id",
            lazy: () => import("../routes/resource/ResourcePage").then((m) => ({ Component: m.ResourcePage })),
          },
          { path: "p/:id", lazy: () => import("../routes/paths/PathPage").then((m) => ({ Component: m.PathPage })) },
          {
            path: "d/:id",
            lazy: () => import("../routes/deliverable/DeliverablePage").then((m) => ({ Component: m.DeliverablePage })),
          },
          {
            path: "d/:id/endorsements",
            lazy: () =>
              import("../routes/deliverable/EndorsementsPage").then((m) => ({ Component: m.EndorsementsPage })),
          },
          {
            path: "d/:id/manage",
            lazy: () =>
              import("../routes/deliverable/ManageDocumentPage").then((m) => ({ Component: m.ManageDocumentPage })),
          },
          {
            path: "p/:id/edit",
            lazy: () => import("../routes/paths/PathEditorPage").then((m) => ({ Component: m.PathEditorPage })),
          },
          {
            path: "search",
            lazy: () => import("../routes/search/SearchPage").then((m) => ({ Component: m.SearchPage })),
          },
          {
            path: "notifications",
            lazy: () =>
              import("../routes/notifications/NotificationsPage").then((m) => ({ Component: m.NotificationsPage })),
          },
          { path: "saved", lazy: () => import("../routes/saved/SavedPage").then((m) => ({ Component: m.SavedPage })) },
          { path: "login", lazy: () => import("../routes/login/LoginPage").then((m) => ({ Component: m.LoginPage })) },
          {
            path: "register",
            lazy: () => import("../routes/register/RegisterPage").then((m) => ({ Component: m.RegisterPage })),
          },
          {
            path: "profile",
            lazy: () => import("../routes/profile/ProfilePage").then((m) => ({ Component: m.ProfilePage })),
          },
          { path: "*", element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
