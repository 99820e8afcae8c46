import { queryClient, session } from "../lib/api.ts";

/**
 * After login or registration: keep the access token, forget the guest cart token (the server
 * merged that cart into the user's) and refetch everything that depends on who is asking.
 */
export async function onSignedIn(accessToken: string): Promise<void> {
  session.signIn(accessToken);
  session.cartToken = null;
  await queryClient.invalidateQueries();
}

export async function onSignedOut(): Promise<void> {
  session.signOut();
  session.cartToken = null;
  queryClient.clear();
}
