import { adminRoutes } from "@shopwright/client/routes";
import { buttonClass } from "@shopwright/ui/button";
import { Link } from "react-router";
import { Card, PageHeader } from "../components/page.tsx";

/** An address the admin app does not have (the server answers it with 404 too). */
export function NotFoundPage() {
  return (
    <>
      <PageHeader title="Page not found" />
      <Card>
        <p>The link may be old or mistyped.</p>
        <Link to={adminRoutes.dashboard.href()} className={buttonClass()}>
          Go to the dashboard
        </Link>
      </Card>
    </>
  );
}
