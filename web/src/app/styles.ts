// Every page's stylesheet, loaded with the first page as before pages became lazy routes. The rules
// rely on this order: theme.css and ui.css come last and win over page rules of equal specificity,
// and the files split out of a page's file (the shared ones now in ui/) keep the place their rules
// had, so the built CSS applies the same cascade. Each page and component also imports its own
// file (no page imports another feature's); this list, imported before the router, sets the order.
import "../routes/deliverable/deliverable.css";
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
import "../routes/search/search.css";
import "../routes/thread/thread.css";
import "./shell.css";
import "../ui/theme.css";
import "../ui/ui.css";
