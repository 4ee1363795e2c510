import { createBrowserRouter } from "react-router";
import { CommunityPage } from "../routes/community/CommunityPage";
import { DeliverablePage } from "../routes/deliverable/DeliverablePage";
import { EndorsementsPage } from "../routes/deliverable/EndorsementsPage";
import { ManageDocumentPage } from "../routes/deliverable/ManageDocumentPage";
import { HomePage } from "../routes/home/HomePage";
import { LoginPage } from "../routes/login/LoginPage";
import { NotFoundPage } from "../routes/not-found/NotFoundPage";
import { NotificationsPage } from "../routes/notifications/NotificationsPage";
import { PathEditorPage } from "../routes/paths/PathEditorPage";
import { PathPage } from "../routes/paths/PathPage";
import { ProfilePage } from "../routes/profile/ProfilePage";
import { RegisterPage } from "../routes/register/RegisterPage";
import { ResourcePage } from "../routes/resource/ResourcePage";
import { SavedPage } from "../routes/saved/SavedPage";
import { SearchPage } from "../routes/search/SearchPage";
import { ThreadPage } from "../routes/thread/ThreadPage";
import { AppShell } from "./AppShell";
import { RouteError } from "./RouteError";

export const router = createBrowserRouter([
  {
    element: <AppShell />,
    errorElement: <RouteError />,
    children: [
      {
        errorElement: <RouteError />,
        children: [
          { index: true, element: <HomePage /> },
          { path: "c/:slug", element: <CommunityPage /> },
          { path: "t/:id", element: <ThreadPage /> },
          { path: "r/:id", element: <ResourcePage /> },
          { path: "p/:id", element: <PathPage /> },
          { path: "d/:id", element: <DeliverablePage /> },
          { path: "d/:id/endorsements", element: <EndorsementsPage /> },
          { path: "d/:id/manage", element: <ManageDocumentPage /> },
          { path: "p/:id/edit", element: <PathEditorPage /> },
          { path: "search", element: <SearchPage /> },
          { path: "notifications", element: <NotificationsPage /> },
          { path: "saved", element: <SavedPage /> },
          { path: "login", element: <LoginPage /> },
          { path: "register", element: <RegisterPage /> },
          { path: "profile", element: <ProfilePage /> },
          { path: "*", element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
