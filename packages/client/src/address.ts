/** What the shop knows about postal addresses, for the SPAs and scripts; declared in @shopwright/address, which the server uses too. */
export * from "@shopwright/address";
