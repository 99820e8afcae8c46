import { useEffect } from "react";

/** The browser tab's title for a page; screen readers announce it after each navigation. */
export function usePageTitle(title: string | undefined): void {
  useEffect(() => {
    document.title = title ? `${title} · Shopwright` : "Shopwright";
  }, [title]);
}
