import { queryClient, shop, trpc } from "../lib/api.ts";

const MERGED_KEY = "sw_merged_cart";

/**
 * Signing in moves a guest's cart into the account's: remember that it happened, so checkout can
 * say so once instead of showing items the shopper did not expect.
 */
function rememberGuestItems() {
  const guestCart = queryClient.getQueryData(trpc.cart.get.queryKey());
  if (guestCart && guestCart.items.length > 0) sessionStorage.setItem(MERGED_KEY, "1");
}

/** True once after a sign-in merged a guest cart. */
export function takeMergedNotice(): boolean {
  const merged = sessionStorage.getItem(MERGED_KEY) === "1";
  sessionStorage.removeItem(MERGED_KEY);
  return merged;
}

type Account = { email: string; password: string };

/**
 * Sign-in and sign-out through the shop client, which keeps the tokens and hands the guest cart
 * token to the server (the guest cart merges into the account's). Afterwards every cached answer
 * may belong to the wrong person, so the cache is refreshed or dropped.
 */
export async function login(credentials: Account) {
  const signedIn = await shop.login(credentials);
  rememberGuestItems();
  await queryClient.invalidateQueries();
  return signedIn;
}

export async function register(account: Account & { name: string }) {
  const signedIn = await shop.register(account);
  rememberGuestItems();
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
