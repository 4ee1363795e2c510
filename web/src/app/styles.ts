// Every page's stylesheet, loaded with the first page as before pages became lazy routes. The rules
// rely on this order: theme.css and the ui components' files come last and win over page rules of
// equal specificity, and files split out of a larger one (a page's shared classes now in ui/, the
// document page's panels, ui.css per component) keep the place their rules had: the built CSS is
// the same file byte for byte. Pages and route components also import their own files (no page
// imports another feature's), which changes nothing since this list, imported before the router,
// already placed them. The files of ui/ components shared with the entry (buttons, fields, alerts…)
// are imported here only: imported by the component, Rolldown would move them into that shared
// chunk's own stylesheet, out of this order.
import "../routes/deliverable/deliverable.css";
import "../routes/deliverable/diff.css";
import "../routes/deliverable/amendments.css";
import "../routes/deliverable/comments.css";
import "../routes/deliverable/section-history.css";
import "../routes/deliverable/section-editor.css";
import "../routes/deliverable/endorsements.css";
import "../routes/deliverable/manage.css";
import "../routes/library/library.css";
import "../routes/library/resource-card.css";
import "../ui/page.css";
import "../routes/resource/resource.css";
import "../ui/history.css";
import "../ui/markdown.css";
import "../ui/composer/composer.css";
import "../routes/paths/paths.css";
import "../ui/editor-page.css";
import "../routes/community/community.css";
import "../ui/controls.css";
import "../routes/not-found/not-found.css";
import "../routes/home/home.css";
import "../routes/auth/auth.css";
import "../routes/notifications/notifications.css";
import "../routes/profile/profile.css";
import "../routes/account/account.css";
import "../routes/admin/admin.css";
import "../routes/search/search.css";
import "../routes/thread/thread.css";
import "./shell.css";
import "../ui/theme.css";
import "../ui/button.css";
import "../ui/loading.css";
import "../ui/field.css";
import "../ui/alert.css";
import "../ui/card.css";
import "../ui/badge.css";
import "../ui/avatar.css";
import "../ui/empty-state.css";
import "../ui/notices.css";
import "../ui/highlight.css";
import "../ui/dialog.css";
import "../ui/tile.css";
import "../ui/kbd.css";
