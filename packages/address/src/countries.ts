/**
 * Every ISO 3166-1 alpha-2 country, and the postal-code format of the countries most orders go
 * to. A country without a format here gets the generic check (letters, digits, spaces and dashes).
 */
export const COUNTRY_CODES = `
  AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS
  BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE
  EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM
  HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC
  LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA
  NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW
  SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO
  TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW
`
  .trim()
  .split(/\s+/);

export interface PostalFormat {
  /** Matched against the code as typed, trimmed, case-insensitively. */
  pattern: RegExp;
  /** Shown to people: "Use a postal code like 94103". */
  example: string;
}

export const POSTAL_FORMATS: Record<string, PostalFormat> = {
  US: { pattern: /^\d{5}(-\d{4})?$/, example: "94103" },
  CA: { pattern: /^[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z] ?\d[ABCEGHJ-NPRSTV-Z]\d$/i, example: "K1A 0B1" },
  GB: { pattern: /^[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$/i, example: "SW1Y 4JH" },
  IE: { pattern: /^[AC-FHKNPRTV-Y]\d{2}(\d|W) ?[0-9AC-FHKNPRTV-Y]{4}$/i, example: "D02 X285" },
  DE: { pattern: /^\d{5}$/, example: "10115" },
  FR: { pattern: /^\d{5}$/, example: "75001" },
  ES: { pattern: /^\d{5}$/, example: "28013" },
  IT: { pattern: /^\d{5}$/, example: "00184" },
  NL: { pattern: /^\d{4} ?[A-Z]{2}$/i, example: "1012 AB" },
  BE: { pattern: /^\d{4}$/, example: "1000" },
  AT: { pattern: /^\d{4}$/, example: "1010" },
  CH: { pattern: /^\d{4}$/, example: "8001" },
  SE: { pattern: /^\d{3} ?\d{2}$/, example: "114 55" },
  DK: { pattern: /^\d{4}$/, example: "1050" },
  NO: { pattern: /^\d{4}$/, example: "0150" },
  PL: { pattern: /^\d{2}-\d{3}$/, example: "00-950" },
  PT: { pattern: /^\d{4}-\d{3}$/, example: "1100-148" },
  AU: { pattern: /^\d{4}$/, example: "2000" },
  NZ: { pattern: /^\d{4}$/, example: "6011" },
  JP: { pattern: /^\d{3}-?\d{4}$/, example: "100-0001" },
};

const GENERIC: PostalFormat = { pattern: /^[A-Z0-9][A-Z0-9 -]{1,9}$/i, example: "" };

export const isCountryCode = (code: string): boolean => COUNTRY_CODES.includes(code);

export function postalFormat(country: string): PostalFormat {
  return POSTAL_FORMATS[country] ?? GENERIC;
}
