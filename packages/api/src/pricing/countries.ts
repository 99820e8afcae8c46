/** How pricing's checks name a country code that is none. */
export function unknownCountry(code: string): string {
  return `"${code}" is not a country code; use two letters, such as DE`;
}
