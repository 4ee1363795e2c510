// Every page's stylesheet, loaded with the first page as before pages became lazy routes, in the
// order the eager page imports gave them (the built CSS is the same file byte for byte). The rules
// rely on that order and on each other: theme.css and ui.css come last and win over page rules of
// equal specificity, and some pages use classes that another page's file defines (`.icon` in
// community.css on library cards, library.css's `resource-page__*` on the document page). Once
// those are untangled, each page can bring its own CSS with its chunk.
import "../routes/deliverable/deliverable.css";
import "../routes/library/library.css";
import "../ui/markdown.css";
import "../ui/composer/composer.css";
import "../routes/paths/paths.css";
import "../routes/community/community.css";
import "../routes/home/home.css";
import "../routes/auth/auth.css";
import "../routes/notifications/notifications.css";
import "../routes/profile/profile.css";
import "../routes/search/search.css";
import "../routes/thread/thread.css";
import "./shell.css";
import "../ui/theme.css";
import "../ui/ui.css";
