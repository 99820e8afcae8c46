import { buttonClass } from "@shopwright/ui/button";
import { Link } from "react-router";
import { EmptyState } from "../components/status-message.tsx";
import { usePageTitle } from "../lib/use-page-title.ts";

export function NotFoundPage() {
  usePageTitle("Page not found");
  return (
    <EmptyState
      title="Page not found"
      action={
        <Link to="/" className={buttonClass({ variant: "primary" })}>
          Go to the home page
        </Link>
      }
    >
      The link may be old or mistyped. Try searching for what you were looking for.
    </EmptyState>
  );
}
