/** Countries as the merchant and the shopper read them: by name, with the code only as a fallback. */
const regionNames = new Intl.DisplayNames(["en"], { type: "region" });

/** "Germany" for "DE"; the code itself where there is no name. */
export function countryName(code: string): string {
  try {
    return regionNames.of(code) ?? code;
  } catch {
    return code;
  }
}

export function unknownCountry(code: string): string {
  return `"${code}" is not a country code; use two letters, such as DE`;
}
