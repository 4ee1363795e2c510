import { useCallback, useState } from "react";

interface PageInfo {
  hasNextPage: boolean;
  endCursor?: string | null;
}

export interface Pager {
  hasMore: boolean;
  loading: boolean;
  error: unknown;
  loadMore: () => Promise<void>;
}

/**
 * "Load more" for a Relay connection: fetches the page after `endCursor` (the cache's type
 * policy appends it) and keeps the busy and failed states for the button.
 */
export function useLoadMore(
  pageInfo: PageInfo | null | undefined,
  fetchAfter: (after: string) => Promise<unknown>,
): Pager {
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const endCursor = pageInfo?.endCursor ?? null;

  const loadMore = useCallback(async () => {
    if (!endCursor) return;
    setLoading(true);
    setError(null);
    try {
      await fetchAfter(endCursor);
    } catch (e) {
      setError(e);
    } finally {
      setLoading(false);
    }
  }, [endCursor, fetchAfter]);

  return { hasMore: Boolean(pageInfo?.hasNextPage && endCursor), loading, error, loadMore };
}
