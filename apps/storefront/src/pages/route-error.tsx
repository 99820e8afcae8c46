import { buttonClass } from "@shopwright/ui/button";
import { isRouteErrorResponse, Link, useRouteError } from "react-router";
import { EmptyState } from "../components/status-message.tsx";

/** Shown when a page fails to load its code or throws while rendering. */
export function RouteError() {
  const error = useRouteError();
  const detail = isRouteErrorResponse(error) ? error.statusText : error instanceof Error ? error.message : undefined;
  return (
    <main style={{ maxWidth: 640, margin: "4rem auto", padding: "0 1rem" }}>
      <EmptyState
        title="This page hit a problem"
        action={
          <Link to="/" className={buttonClass({ variant: "primary" })} reloadDocument>
            Back to the shop
          </Link>
        }
      >
        {detail ?? "Please reload the page."} If it keeps happening, try again in a minute.
      </EmptyState>
    </main>
  );
}
