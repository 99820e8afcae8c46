import { useEffect } from "react";

/**
 * Keeps the page out of search engines while it is shown: `<meta name="robots" content="noindex">`
 * in the document's head. For pages that show one person's data behind a secret link; the server
 * says the same of their HTML (X-Robots-Tag) for crawlers that run no script.
 */
export function useNoIndex(): void {
  useEffect(() => {
    const meta = document.createElement("meta");
    meta.name = "robots";
    meta.content = "noindex";
    document.head.append(meta);
    return () => meta.remove();
  }, []);
}
