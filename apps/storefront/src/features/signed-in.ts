import { queryClient, shop } from "../lib/api.ts";

type Account = { email: string; password: string };

/**
 * Sign-in and sign-out through the shop client, which keeps the tokens and hands the guest cart
 * token to the server (the guest cart merges into the account's). Afterwards every cached answer
 * may belong to the wrong person, so the cache is refreshed or dropped.
 */
export async function login(credentials: Account) {
  const signedIn = await shop.login(credentials);
  await queryClient.invalidateQueries();
  return signedIn;
}

export async function register(account: Account & { name: string }) {
  const signedIn = await shop.register(account);
  await queryClient.invalidateQueries();
  return signedIn;
}

export async function logout() {
  try {
    await shop.logout();
  } finally {
    queryClient.clear();
  }
}
