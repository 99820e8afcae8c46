import { storefrontRoutes as routes } from "@shopwright/client/routes";
import { FormError } from "@shopwright/ui/field";
import { useMutation } from "@tanstack/react-query";
import { Link } from "react-router";
import { FormPanel } from "../components/form-panel.tsx";
import { queryClient, trpc } from "../lib/api.ts";
import { useLinkToken } from "../lib/link-token.ts";
import { usePageTitle } from "../lib/use-page-title.ts";
import styles from "./page.module.css";

/**
 * The emailed verification link lands here with its token in the fragment, which never reaches a
 * server log. Confirming is a button, not a side effect of opening the page: a mail scanner that
 * opens links runs no clicks.
 */
export function VerifyEmailPage() {
  usePageTitle("Confirm your email");
  const token = useLinkToken();
  const verify = useMutation(
    trpc.auth.verifyEmail.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.auth.me.queryKey() }),
    }),
  );

  return (
    <FormPanel
      title="Confirm your email"
      intro={<p className={styles.muted}>Confirm that this link reached you, and the address is proven yours.</p>}
      validate={() => ({})}
      onSubmit={() => verify.mutate({ token })}
      error={verify.error}
      pending={verify.isPending || !token}
      submitLabel="Confirm my email"
      pendingLabel={token ? "Confirming…" : "Confirm my email"}
      done={
        verify.isSuccess ? (
          <p role="status">
            Your email is confirmed. <Link to={routes.account.href()}>Go to your account</Link>.
          </p>
        ) : undefined
      }
    >
      {(error) => (
        // The link's token is no field of the form: its refusal says what to do instead.
        <FormError message={error("token")}>
          <Link to={routes.account.href()}>Ask for a new link on your account page</Link>
        </FormError>
      )}
    </FormPanel>
  );
}
