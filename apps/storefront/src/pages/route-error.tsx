import { errorMessage, UNREACHABLE_MESSAGE } from "@shopwright/client";
import { Button, buttonClass } from "@shopwright/ui/button";
import { usePageLoadFailure } from "@shopwright/ui/page-load";
import { isRouteErrorResponse, Link, useRouteError } from "react-router";
import { Layout } from "../components/layout.tsx";
import { EmptyState } from "../components/status-message.tsx";

/**
 * Shown when a page fails to load its code or throws while rendering, inside the page frame so the
 * header stays usable: offline, or with the shop out of reach, it says so and offers Try again
 * instead of the browser's error page; after a deploy it reloads once to fetch the new build.
 */
export function RouteError() {
  const error = useRouteError();
  const { state, retry } = usePageLoadFailure(error, "/");
  const detail = isRouteErrorResponse(error) ? error.statusText : errorMessage(error);
  return <Layout>{content()}</Layout>;

  function content() {
    switch (state) {
      case "offline":
        return (
          <EmptyState title="You are offline">
            This page could not be loaded without a connection. It will load as soon as you are back online.
          </EmptyState>
        );
      case "checking":
        return (
          <p role="status" aria-live="polite">
            Loading this page…
          </p>
        );
      case "unreachable":
        return (
          <EmptyState
            title="This page could not be loaded"
            action={
              <Button variant="primary" onClick={retry}>
                Try again
              </Button>
            }
          >
            {UNREACHABLE_MESSAGE}
          </EmptyState>
        );
      case "broken":
        return (
          <EmptyState
            title="This page hit a problem"
            action={
              <>
                <Button variant="primary" onClick={() => window.location.reload()}>
                  Try again
                </Button>{" "}
                <Link to="/" className={buttonClass()} reloadDocument>
                  Back to the shop
                </Link>
              </>
            }
          >
            {detail} If it keeps happening, try again in a minute.
          </EmptyState>
        );
    }
  }
}
