import { useTranslation } from "react-i18next";
import { usePageTitle } from "../../app/usePageTitle";
import { ButtonLink } from "../../ui/Button";
import "./not-found.css";

interface NotFoundContentProps {
  title: string;
  body: string;
}

/** Shared by the 404 route and by pages whose record does not exist (an unknown community). */
export function NotFoundContent({ title, body }: NotFoundContentProps) {
  const { t } = useTranslation();
  return (
    <div className="container page page--narrow not-found">
      <p className="not-found__code" aria-hidden="true">
        404
      </p>
      <h1>{title}</h1>
      <p>{body}</p>
      <p className="actions">
        <ButtonLink to="/">{t("common.backHome")}</ButtonLink>
      </p>
    </div>
  );
}

export function NotFoundPage() {
  const { t } = useTranslation();
  usePageTitle(t("notFound.title"));
  return <NotFoundContent title={t("notFound.title")} body={t("notFound.body")} />;
}
