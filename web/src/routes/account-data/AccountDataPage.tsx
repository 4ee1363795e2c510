import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Navigate } from "react-router";
import { resetSession } from "../../app/apollo/client";
import { useViewer } from "../../app/session";
import { usePageTitle } from "../../app/usePageTitle";
import { Alert } from "../../ui/Alert";
import { Button } from "../../ui/Button";
import { PageLoading } from "../../ui/PageStates";
import { DeleteAccountDialog } from "./DeleteAccountDialog";
import "./account-data.css";

/** /account/data: download everything the account holds, or delete the account. */
export function AccountDataPage() {
  const { t } = useTranslation();
  usePageTitle(t("accountData.title"));
  const { viewer, loading } = useViewer();
  const [deleting, setDeleting] = useState(false);
  const [deleted, setDeleted] = useState(false);

  async function onDeleted() {
    setDeleting(false);
    setDeleted(true);
    // Everything cached belonged to the account: start again as a visitor.
    await resetSession();
    document.getElementById("main")?.focus();
  }

  // Said in place (the session is gone, so the page would otherwise send the reader to log in).
  if (deleted) {
    return (
      <div className="container page account-data">
        <h1>{t("accountData.title")}</h1>
        <Alert tone="success">
          <p>{t("accountData.deleted")}</p>
        </Alert>
      </div>
    );
  }
  if (loading) return <PageLoading />;
  if (!viewer) return <Navigate to="/login" state={{ from: "/account/data" }} replace />;

  return (
    <div className="container page account-data">
      <h1>{t("accountData.title")}</h1>
      <section className="account-data__section" aria-labelledby="account-data-download">
        <h2 id="account-data-download">{t("accountData.download.title")}</h2>
        <p>{t("accountData.download.body")}</p>
        {/* A plain link: the browser downloads the file with the session cookie, however large. */}
        <a className="btn btn--secondary" href="/account/export.json" download>
          {t("accountData.download.action")}
        </a>
      </section>
      <section className="account-data__section account-data__section--danger" aria-labelledby="account-data-delete">
        <h2 id="account-data-delete">{t("accountData.delete.title")}</h2>
        <p>{t("accountData.delete.body")}</p>
        <Button variant="danger" onClick={() => setDeleting(true)}>
          {t("accountData.delete.action")}
        </Button>
      </section>
      <DeleteAccountDialog open={deleting} onClose={() => setDeleting(false)} onDeleted={() => void onDeleted()} />
    </div>
  );
}
