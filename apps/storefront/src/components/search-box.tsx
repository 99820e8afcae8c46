import { errorMessage } from "@shopwright/client";
import { formatCents } from "@shopwright/ui/money";
import { useDebounced } from "@shopwright/ui/use-debounced";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { type FormEvent, type KeyboardEvent, useId, useState } from "react";
import { Link, useNavigate, useSearchParams } from "react-router";
import { trpc } from "../lib/api.ts";
import styles from "./search-box.module.css";

const SUGGESTIONS = 6;

/** The header's search: suggestions while typing (a combobox), Enter for the full result grid. */
export function SearchBox() {
  const [params] = useSearchParams();
  const [text, setText] = useState(params.get("q") ?? "");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const navigate = useNavigate();
  const listId = useId();
  const q = useDebounced(text.trim(), 200);

  const { data, isPlaceholderData, failureReason, refetch } = useQuery({
    ...trpc.catalog.search.queryOptions({ q, pageSize: SUGGESTIONS, sort: "relevance" }),
    enabled: q.length >= 2,
    placeholderData: keepPreviousData,
  });
  const suggestions = q.length >= 2 ? (data?.items ?? []) : [];
  const expanded = open && suggestions.length > 0;
  // Only an answer to the text now in the box may say that nothing matches it.
  const noMatches =
    open && q.length >= 2 && q === text.trim() && data !== undefined && !isPlaceholderData && suggestions.length === 0;
  // The text now in the box got no answer (no connection, the shop down): say so, not nothing.
  const failed = open && q.length >= 2 && q === text.trim() && failureReason != null && (!data || isPlaceholderData);

  function go(path: string) {
    setOpen(false);
    setActive(-1);
    navigate(path);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const chosen = suggestions[active];
    if (chosen) return go(`/p/${chosen.slug}`);
    if (text.trim()) go(`/search?q=${encodeURIComponent(text.trim())}`);
  }

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      setOpen(true);
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActive((i) => Math.max(-1, Math.min(suggestions.length - 1, i + step)));
    } else if (event.key === "Escape") {
      setOpen(false);
      setActive(-1);
    }
  }

  return (
    <search className={styles.wrapper}>
      <form onSubmit={submit}>
        <label htmlFor={`${listId}-input`} className="visually-hidden">
          Search products
        </label>
        <input
          id={`${listId}-input`}
          className={styles.input}
          type="search"
          placeholder="Search products"
          autoComplete="off"
          role="combobox"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={expanded && active >= 0 ? `${listId}-${active}` : undefined}
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            setOpen(true);
            setActive(-1);
          }}
          onKeyDown={onKeyDown}
          onFocus={() => setOpen(true)}
          onBlur={() => setTimeout(() => setOpen(false), 150)}
        />
        {failed && (
          <div role="status" className={styles.list}>
            <p className={styles.empty}>{errorMessage(failureReason)}</p>
            <button
              type="button"
              className={styles.all}
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => void refetch()}
            >
              Try again
            </button>
          </div>
        )}
        {noMatches && (
          <div role="status" className={styles.list}>
            <p className={styles.empty}>No matches for “{q}”.</p>
            <p className={styles.hint}>Check the spelling, try a shorter word, or browse all products.</p>
            <Link
              className={styles.all}
              to="/search"
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => setOpen(false)}
            >
              Browse all products
            </Link>
          </div>
        )}
        {expanded && !failed && (
          <div id={listId} role="listbox" className={styles.list} aria-label="Suggestions">
            {data?.correctedQuery && (
              <p className={styles.hint} role="presentation">
                Showing results for “{data.correctedQuery}”
              </p>
            )}
            {suggestions.map((item, index) => (
              // Options are not focusable: the combobox input moves aria-activedescendant with the arrow keys.
              // biome-ignore lint/a11y/useFocusableInteractive: see above
              // biome-ignore lint/a11y/useKeyWithClickEvents: Enter on the input picks the active option
              <div
                key={item.id}
                id={`${listId}-${index}`}
                role="option"
                aria-selected={index === active}
                className={styles.option}
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => go(`/p/${item.slug}`)}
              >
                <span>{item.name}</span>
                <span className={styles.price}>{formatCents(item.priceCents)}</span>
              </div>
            ))}
          </div>
        )}
      </form>
    </search>
  );
}
