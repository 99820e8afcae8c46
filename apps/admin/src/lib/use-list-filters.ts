import { useDebounced } from "@shopwright/ui/use-debounced";
import { useEffect, useState } from "react";
import { useLocation, useNavigation, useSearchParams } from "react-router";

/**
 * A list page's filters, kept in the URL so Back and reload keep them, with a search box whose
 * settled term is the `searchKey` filter. Any filter change goes back to page 1.
 */
export function useListFilters(searchKey: string) {
  const [params, setParams] = useSearchParams();
  const [search, setSearch] = useState(params.get(searchKey) ?? "");
  const term = useDebounced(search.trim());
  const { pathname } = useLocation();
  // A click on a result starts a navigation that waits for its page's chunk; recording a term that
  // settles meanwhile would be a navigation of its own and cancel the way out.
  const navigation = useNavigation();
  const leaving = navigation.location !== undefined && navigation.location.pathname !== pathname;

  const update = (changes: Record<string, string | undefined>) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const [key, value] of Object.entries(changes)) {
          if (value) next.set(key, value);
          else next.delete(key);
        }
        if (!("page" in changes)) next.delete("page");
        return next;
      },
      { replace: true },
    );

  // Only a settled search term touches the URL: the effect follows `term`, not every render.
  useEffect(() => {
    if (!leaving && (params.get(searchKey) ?? "") !== term) update({ [searchKey]: term || undefined });
  }, [term]);

  return { params, page: Number(params.get("page")) || 1, update, search, setSearch, term };
}
