/**
 * The cart's queries and mutations. Quantity changes are optimistic: the page shows the new cart
 * at once and goes back to the previous one if the server refuses (not enough stock, say).
 */
import { useMutation, useQuery } from "@tanstack/react-query";
import { queryClient, session, trpc } from "../../lib/api.ts";
import type { Cart } from "../../lib/types.ts";
import { withQuantity } from "./cart-math.ts";

export function useCart() {
  return useQuery(trpc.cart.get.queryOptions());
}

function remember(cart: Cart) {
  // A guest's first addItem creates the cart; its token identifies the cart from then on.
  if (cart.cartToken) session.cartToken = cart.cartToken;
  queryClient.setQueryData(trpc.cart.get.queryKey(), cart);
}

export function useAddToCart() {
  return useMutation(trpc.cart.addItem.mutationOptions({ onSuccess: remember }));
}

export function useSetQuantity() {
  const cartKey = trpc.cart.get.queryKey();
  return useMutation(
    trpc.cart.updateItem.mutationOptions({
      async onMutate({ productId, quantity }) {
        await queryClient.cancelQueries({ queryKey: cartKey });
        const previous = queryClient.getQueryData(cartKey);
        if (previous) queryClient.setQueryData(cartKey, withQuantity(previous, productId, quantity));
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
