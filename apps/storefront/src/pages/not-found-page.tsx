import { Link } from "react-router";
import { buttonClass } from "../components/button.tsx";
import { EmptyState } from "../components/status-message.tsx";

export function NotFoundPage() {
  return (
    <EmptyState
      title="Page not found"
      action={
        <Link to="/" className={buttonClass()}>
          Go to the home page
        </Link>
      }
    >
      The link may be old or mistyped. Try searching for what you were looking for.
    </EmptyState>
  );
}
