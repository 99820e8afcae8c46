/**
 * @shopwright/address: what the shop knows about postal addresses, for the server, its emails and
 * both apps alike. A leaf package: it imports nothing, so a browser bundle can take it (through
 * @shopwright/client/address).
 */
export {
  ADDRESS_LIMITS,
  type Address,
  type AddressField,
  addressLines,
  addressProblems,
  countryName,
  normalizeAddress,
  postalCodeLabel,
} from "./address.ts";
export { COUNTRY_CODES, isCountryCode, POSTAL_FORMATS, type PostalFormat, postalFormat } from "./countries.ts";
export { REGIONS, type RegionList, regionCode } from "./regions.ts";
