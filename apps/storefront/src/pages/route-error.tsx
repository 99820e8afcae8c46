import { Button, buttonClass } from "@shopwright/ui/button";
import { useEffect } from "react";
import { isRouteErrorResponse, Link, useRouteError } from "react-router";
import { Layout } from "../components/layout.tsx";
import { EmptyState } from "../components/status-message.tsx";
import { useOnline } from "../lib/use-online.ts";

/**
 * Shown when a page fails to load its code or throws while rendering, inside the page frame so the
 * header stays usable. A failed load is retried with a reload (the browser remembers a module that
 * failed to load); offline, that happens by itself once the connection is back.
 */
export function RouteError() {
  const error = useRouteError();
  const online = useOnline();
  useEffect(() => {
    if (online) return;
    const retry = () => window.location.reload();
    window.addEventListener("online", retry, { once: true });
    return () => window.removeEventListener("online", retry);
  }, [online]);

  const detail = isRouteErrorResponse(error) ? error.statusText : error instanceof Error ? error.message : undefined;
  return (
    <Layout>
      {online ? (
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
          {detail ?? "Please try again."} If it keeps happening, try again in a minute.
        </EmptyState>
      ) : (
        <EmptyState title="You are offline">
          This page could not be loaded without a connection. It will load as soon as you are back online.
        </EmptyState>
      )}
    </Layout>
  );
}
