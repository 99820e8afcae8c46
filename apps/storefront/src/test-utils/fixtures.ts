/** A shopper's address in the UK, as the checkout form takes it and an order shows it. */
export const ADDRESS = {
  name: "Ada Lovelace",
  line1: "12 St James's Square",
  city: "London",
  postalCode: "SW1Y 4JH",
  country: "GB",
};
