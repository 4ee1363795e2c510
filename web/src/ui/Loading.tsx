import { useTranslation } from "react-i18next";
import { Spinner } from "./Spinner";

interface LoadingProps {
  label?: string;
}

export function Loading({ label }: LoadingProps) {
  const { t } = useTranslation();
  return (
    <p className="loading" role="status">
      <Spinner />
      <span>{label ?? t("common.loading")}</span>
    </p>
  );
}
