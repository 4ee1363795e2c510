import { useTranslation } from "react-i18next";
import { Button } from "./Button";
import { ErrorState } from "./ErrorState";
import type { Pager } from "./useLoadMore";

interface LoadMoreProps {
  pager: Pager;
  label?: string;
}

/** The "Load more" button under a list, and what went wrong if the last attempt failed. */
export function LoadMore({ pager, label }: LoadMoreProps) {
  const { t } = useTranslation();
  return (
    <>
      {pager.error ? <ErrorState error={pager.error} retry={pager.loadMore} /> : null}
      {pager.hasMore ? (
        <p className="actions load-more">
          <Button variant="secondary" onClick={() => void pager.loadMore()} busy={pager.loading}>
            {label ?? t("common.loadMore")}
          </Button>
        </p>
      ) : null}
    </>
  );
}
