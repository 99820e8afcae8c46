/**
 * The cart's queries and mutations. Quantity changes are optimistic: the page shows the new cart
 * at once and goes back to the previous one if the server refuses (not enough stock, say).
 */
import { useMutation, useQuery } from "@tanstack/react-query";
import { queryClient, trpc } from "../../lib/api.ts";
import type { Cart } from "../../lib/types.ts";
import { useSessionStatus } from "../../lib/use-session.ts";
import { withQuantity } from "./cart-math.ts";

/** The viewer's cart; asked for once the session is known, so a signed-in shopper never sees the guest's. */
export function useCart() {
  const status = useSessionStatus();
  return useQuery({ ...trpc.cart.get.queryOptions(), enabled: status !== "restoring" });
}

// The shop client keeps the guest cart token that a guest's first addItem returns.
function remember(cart: Cart) {
  queryClient.setQueryData(trpc.cart.get.queryKey(), cart);
}

export function useAddToCart() {
  return useMutation(trpc.cart.addItem.mutationOptions({ onSuccess: remember }));
}

export function useSetQuantity() {
  const cartKey = trpc.cart.get.queryKey();
  return useMutation(
    trpc.cart.updateItem.mutationOptions({
      async onMutate({ variantId, quantity }) {
        await queryClient.cancelQueries({ queryKey: cartKey });
        const previous = queryClient.getQueryData(cartKey);
        if (previous && variantId) queryClient.setQueryData(cartKey, withQuantity(previous, variantId, quantity));
        return { previous };
      },
      onError(_error, _input, context) {
        if (context?.previous) queryClient.setQueryData(cartKey, context.previous);
      },
      onSuccess: remember,
      // Not awaited: the mutation's outcome (and its error message) should not wait for the refetch.
      onSettled: () => {
        void queryClient.invalidateQueries({ queryKey: cartKey });
      },
    }),
  );
}
