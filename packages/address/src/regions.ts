/**
 * The countries whose addresses need a region, and their regions. Decided by what the post and the
 * carriers need to deliver, and what prices will depend on: a US state, a Canadian province or
 * territory and an Australian state or territory are part of the address line those countries'
 * posts read ("San Francisco, CA 94103"), and sales tax and shipping rates vary by them. Other
 * countries' posts deliver on the postal code and town alone, so their addresses have no region.
 * A country joins by adding its regions here; the server, the forms and the emails follow.
 */
export interface RegionList {
  /** What people there call it, for the form's label: "State". */
  label: string;
  /** By postal abbreviation, the value stored: `{ CA: "California" }`, in the order a form lists them. */
  regions: Readonly<Record<string, string>>;
}

export const REGIONS: Readonly<Record<string, RegionList>> = {
  US: {
    label: "State",
    regions: {
      AL: "Alabama",
      AK: "Alaska",
      AZ: "Arizona",
      AR: "Arkansas",
      CA: "California",
      CO: "Colorado",
      CT: "Connecticut",
      DE: "Delaware",
      DC: "District of Columbia",
      FL: "Florida",
      GA: "Georgia",
      HI: "Hawaii",
      ID: "Idaho",
      IL: "Illinois",
      IN: "Indiana",
      IA: "Iowa",
      KS: "Kansas",
      KY: "Kentucky",
      LA: "Louisiana",
      ME: "Maine",
      MD: "Maryland",
      MA: "Massachusetts",
      MI: "Michigan",
      MN: "Minnesota",
      MS: "Mississippi",
      MO: "Missouri",
      MT: "Montana",
      NE: "Nebraska",
      NV: "Nevada",
      NH: "New Hampshire",
      NJ: "New Jersey",
      NM: "New Mexico",
      NY: "New York",
      NC: "North Carolina",
      ND: "North Dakota",
      OH: "Ohio",
      OK: "Oklahoma",
      OR: "Oregon",
      PA: "Pennsylvania",
      RI: "Rhode Island",
      SC: "South Carolina",
      SD: "South Dakota",
      TN: "Tennessee",
      TX: "Texas",
      UT: "Utah",
      VT: "Vermont",
      VA: "Virginia",
      WA: "Washington",
      WV: "West Virginia",
      WI: "Wisconsin",
      WY: "Wyoming",
      // USPS delivers to these as it does to states, with the same address line.
      AS: "American Samoa",
      GU: "Guam",
      MP: "Northern Mariana Islands",
      PR: "Puerto Rico",
      VI: "U.S. Virgin Islands",
      AA: "Armed Forces Americas",
      AE: "Armed Forces Europe",
      AP: "Armed Forces Pacific",
    },
  },
  CA: {
    label: "Province or territory",
    regions: {
      AB: "Alberta",
      BC: "British Columbia",
      MB: "Manitoba",
      NB: "New Brunswick",
      NL: "Newfoundland and Labrador",
      NS: "Nova Scotia",
      NT: "Northwest Territories",
      NU: "Nunavut",
      ON: "Ontario",
      PE: "Prince Edward Island",
      QC: "Quebec",
      SK: "Saskatchewan",
      YT: "Yukon",
    },
  },
  AU: {
    label: "State or territory",
    regions: {
      ACT: "Australian Capital Territory",
      NSW: "New South Wales",
      NT: "Northern Territory",
      QLD: "Queensland",
      SA: "South Australia",
      TAS: "Tasmania",
      VIC: "Victoria",
      WA: "Western Australia",
    },
  },
};

/** The region code for what was typed or chosen: a code or a name, any case ("ca", "California" → "CA"). */
export function regionCode(country: string, typed: string): string | undefined {
  const list = REGIONS[country]?.regions;
  if (!list) return undefined;
  const wanted = typed.trim().toUpperCase();
  if (Object.hasOwn(list, wanted)) return wanted;
  return Object.entries(list).find(([, name]) => name.toUpperCase() === wanted)?.[0];
}
