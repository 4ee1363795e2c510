import type { ReactNode } from "react";
import { Button } from "./Button";
import { EmptyState } from "./EmptyState";
import { ErrorState } from "./ErrorState";
import { Loading } from "./Loading";
import { LoadMore } from "./LoadMore";
import type { Pager } from "./useLoadMore";

interface FilteredResultsProps {
  /** Nothing to show yet (the first page is on its way). */
  loading: boolean;
  /** The first page failed (a later page's failure is the pager's). */
  error: unknown;
  retry: () => unknown;
  /** How many results the list holds; undefined before the first page. */
  count: number | undefined;
  pager: Pager;
  /** Whether filters narrowed the list: an empty list then says so and offers to clear them. */
  filtered: boolean;
  onClear: () => void;
  clearLabel: string;
  emptyTitle: string;
  emptyBody: string;
  emptyFilteredBody: string;
  /** What to offer when nothing is there and nothing is filtered (e.g. "apply to join"). */
  emptyAction?: ReactNode;
  /** The list itself, drawn only when it has results. */
  children: ReactNode;
}

/**
 * A filtered, paged directory's states in one place (partners, funding calls, suppliers): loading,
 * the error with a retry, the empty list telling whether the filters emptied it, the list with
 * "load more".
 */
export function FilteredResults(props: FilteredResultsProps) {
  const { loading, error, retry, count, pager, filtered } = props;
  if (loading && count === undefined) return <Loading />;
  if (error && count === undefined) return <ErrorState error={error} retry={retry} />;
  if (count === undefined) return null;
  if (count === 0) {
    return (
      <EmptyState
        title={props.emptyTitle}
        action={
          filtered ? (
            <Button variant="secondary" size="sm" onClick={props.onClear}>
              {props.clearLabel}
            </Button>
          ) : (
            props.emptyAction
          )
        }
      >
        <p>{filtered ? props.emptyFilteredBody : props.emptyBody}</p>
      </EmptyState>
    );
  }
  return (
    <>
      {props.children}
      <LoadMore pager={pager} />
    </>
  );
}
