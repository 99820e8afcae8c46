import { useDebounced } from "@shopwright/ui/use-debounced";
import { useEffect, useState } from "react";
import { useSearchParams } from "react-router";

/**
 * A list page's filters, kept in the URL so Back and reload keep them, with a search box whose
 * settled term is the `searchKey` filter. Any filter change goes back to page 1.
 */
export function useListFilters(searchKey: string) {
  const [params, setParams] = useSearchParams();
  const [search, setSearch] = useState(params.get(searchKey) ?? "");
  const term = useDebounced(search.trim());

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
    if ((params.get(searchKey) ?? "") !== term) update({ [searchKey]: term || undefined });
  }, [term]);

  return { params, page: Number(params.get("page")) || 1, update, search, setSearch, term };
}
