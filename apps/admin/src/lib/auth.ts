/** Signing in and out of the admin app, on top of the shop client's session handling. */
import { UNREACHABLE_MESSAGE } from "@shopwright/client";
import { queryClient, shop } from "./api.ts";
import { NOT_AN_ADMIN, session } from "./session.ts";

async function admitOrTurnAway(user: { id: string; email: string; name: string; role: string }) {
  if (user.role === "admin") {
    session.signedIn({ id: user.id, email: user.email, name: user.name });
    return;
  }
  // A customer has no business holding a session here: end it on the server too.
  await shop.logout();
  session.end(NOT_AN_ADMIN);
}

/** On page load: picks the session up from the refresh cookie, if there is one. */
export async function restoreSession(): Promise<void> {
  try {
    if (!(await shop.restoreSession())) return session.end();
    await admitOrTurnAway(await shop.trpc.auth.me.query());
  } catch {
    session.end(`${UNREACHABLE_MESSAGE} Reload the page once it is back.`);
  }
}

/** Resolves when signed in (or turned away); rejects with the server's error for bad credentials. */
export async function signIn(email: string, password: string): Promise<void> {
  const { user } = await shop.login({ email, password });
  await admitOrTurnAway(user);
}

export async function signOut(): Promise<void> {
  try {
    await shop.logout();
  } finally {
    queryClient.clear();
    session.end();
  }
}
