import { ButtonLink } from "../components/button.tsx";
import { Card, PageHeader } from "../components/page.tsx";

/** An address the admin app does not have (the server answers it with 404 too). */
export function NotFoundPage() {
  return (
    <>
      <PageHeader title="Page not found" />
      <Card>
        <p>The link may be old or mistyped.</p>
        <ButtonLink to="/">Go to the dashboard</ButtonLink>
      </Card>
    </>
  );
}
