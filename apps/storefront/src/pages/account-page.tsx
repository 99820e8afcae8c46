import { formErrors } from "@shopwright/client";
import { Button } from "@shopwright/ui/button";
import { FormError, TextField } from "@shopwright/ui/field";
import { useForm } from "@shopwright/ui/form";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useNavigate } from "react-router";
import { AddressFields, addressErrors, readAddress } from "../components/address-fields.tsx";
import { checks } from "../components/form-panel.tsx";
import { RequireAuth } from "../components/require-auth.tsx";
import { Skeleton } from "../components/skeleton.tsx";
import { ErrorState } from "../components/status-message.tsx";
import { logout } from "../features/signed-in.ts";
import { queryClient, trpc } from "../lib/api.ts";
import type { Me } from "../lib/types.ts";
import { usePageTitle } from "../lib/use-page-title.ts";
import { AccountEmail } from "./account-email.tsx";
import styles from "./page.module.css";

export function AccountPage() {
  usePageTitle("Your account");
  return (
    <RequireAuth>
      <Account />
    </RequireAuth>
  );
}

function Account() {
  const me = useQuery(trpc.auth.me.queryOptions());
  const navigate = useNavigate();
  // Leaves for the home page first: signed out on this page, the sign-in guard would send the
  // shopper to /login?next=/account. Signed out even if the server could not be reached: the
  // client drops the token either way.
  const signOut = useMutation({ mutationFn: logout, onMutate: () => navigate("/", { replace: true }) });

  if (me.isError) return <ErrorState error={me.error} onRetry={() => me.refetch()} />;
  return (
    <div className={styles.narrow}>
      <h1>Your account</h1>
      {me.data ? (
        <>
          <AccountEmail me={me.data} />
          <ProfileForm key={me.data.id} me={me.data} />
        </>
      ) : (
        <Skeleton height="24rem" />
      )}
      <section className={styles.section} aria-label="Sign out">
        <p className={styles.muted}>Signed in as {me.data?.email}</p>
        <Button variant="secondary" onClick={() => signOut.mutate()} disabled={signOut.isPending}>
          Sign out
        </Button>
      </section>
    </div>
  );
}

function ProfileForm({ me }: { me: Me }) {
  const update = useMutation(
    trpc.auth.updateProfile.mutationOptions({
      onSuccess: (user) => queryClient.setQueryData(trpc.auth.me.queryKey(), user),
    }),
  );
  const form = useForm({
    validate(data) {
      const errors = addressErrors(data);
      checks.required(data, "name", "Enter your name", errors);
      return errors;
    },
    server: formErrors(update.error),
  });

  function submit(data: FormData) {
    update.mutate({ name: String(data.get("name")).trim(), shippingAddress: readAddress(data) });
  }

  return (
    <form className={`${styles.panel} ${styles.form} ${styles.section}`} {...form.props(submit)}>
      <FormError message={form.formError} onRetry={form.retry} />
      <TextField label="Name" name="name" autoComplete="name" defaultValue={me.name} error={form.error("name")} />
      <AddressFields value={me.shippingAddress} error={form.error} />
      <Button type="submit" variant="primary" disabled={update.isPending}>
        {update.isPending ? "Saving…" : "Save"}
      </Button>
      <p aria-live="polite" className={styles.muted}>
        {update.isSuccess && "Saved."}
      </p>
    </form>
  );
}
