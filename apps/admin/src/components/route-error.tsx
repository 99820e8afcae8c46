import { errorMessage, UNREACHABLE_MESSAGE } from "@shopwright/client";
import { ADMIN_BASE_PATH } from "@shopwright/client/routes";
import { Button } from "@shopwright/ui/button";
import { usePageLoadFailure } from "@shopwright/ui/page-load";
import { useRouteError } from "react-router";
import { Card, PageHeader } from "./page.tsx";

/**
 * A page whose code could not load, or that threw: inside the signed-in frame, so the navigation
 * stays; with the shop out of reach it says so and offers Try again, instead of the browser's
 * error page; after a deploy it reloads once for the new build.
 */
export function RouteError() {
  const error = useRouteError();
  const { state, retry } = usePageLoadFailure(error, `${ADMIN_BASE_PATH}/`);
  const shown: Record<typeof state, { title: string; text: string; action?: () => void }> = {
    offline: { title: "You are offline", text: "This page loads as soon as you are back online." },
    checking: { title: "Loading this page…", text: "" },
    unreachable: { title: "This page could not be loaded", text: UNREACHABLE_MESSAGE, action: retry },
    broken: { title: "This page hit a problem", text: errorMessage(error), action: () => window.location.reload() },
  };
  const { title, text, action } = shown[state];
  return (
    <>
      <PageHeader title={title} />
      {text && (
        <Card>
          <p role={state === "checking" ? "status" : "alert"}>{text}</p>
          {action && (
            <Button variant="primary" onClick={action}>
              Try again
            </Button>
          )}
        </Card>
      )}
    </>
  );
}
