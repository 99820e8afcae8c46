import type { Db } from "@shopwright/db";

/**
 * Merges a guest's cart into the user's at login or registration and consumes the guest cart.
 * Implemented with the cart domain; auth calls it inside its sign-in transaction.
 */
export async function mergeGuestCart(
  _db: Db,
  _input: { userId: string; cartToken: string | undefined },
): Promise<void> {}
