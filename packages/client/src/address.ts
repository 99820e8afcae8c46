/** What the shop knows about postal addresses, for the SPAs and scripts; declared in @shopwright/address, which the server uses too. */
export {
  type Address,
  type AddressField,
  addressLines,
  addressProblems,
  countryName,
  normalizeAddress,
  postalCodeLabel,
  REGIONS,
  type RegionList,
} from "@shopwright/address";
