/**
 * The vocabulary the seed builds its catalog from: two levels of categories, and for each leaf the
 * things it sells, the variants they come in and the sentences that describe them. Words are
 * chosen so searches a shopper would try ("lamp", "blue shirt", "headphones") find what they mean.
 */
export interface LeafCategory {
  slug: string;
  name: string;
  /** How common this category is among the products (relative). */
  weight: number;
  /** What is sold here: the last words of a product's name. */
  nouns: readonly string[];
  /** Colours, finishes or materials: the middle word of a name, and the image's colour. */
  variants: readonly string[];
  /** Price range in whole dollars. */
  dollars: readonly [number, number];
  /** Sentences for descriptions; {noun} and {variant} are filled in, lower-cased. */
  sentences: readonly string[];
  glyph: Glyph;
  /** Nouns drawn otherwise than the category's glyph: a table is not a chair. */
  nounGlyphs?: Readonly<Record<string, Glyph>>;
  /** How its products come in sizes, colours or finishes; without it each is sold one way. */
  options?: LeafOptions;
}

/**
 * A leaf's option set. Every product offers the first option (a colour or finish: the name's
 * variant word first when it is one of `values`, then a few more); nouns that come in sizes
 * offer a run of the second option's values too. Each step up that run costs `stepPrice` of the
 * product's price more (a bigger table costs more; a shirt's sizes cost the same).
 */
export interface LeafOptions {
  first: { name: string; values: readonly string[]; most: number };
  second?: {
    /** The option for each noun that has one (sizes, upholstery); nouns not listed have none. */
    byNoun: Readonly<Record<string, { name: string; values: readonly string[]; least: number }>>;
    stepPrice: number;
  };
}

export interface RootCategory {
  slug: string;
  name: string;
  children: readonly LeafCategory[];
}

export type Glyph =
  | "lamp"
  | "chair"
  | "table"
  | "desk"
  | "bookshelf"
  | "bench"
  | "pot"
  | "pillow"
  | "headphones"
  | "speaker"
  | "record"
  | "shirt"
  | "jacket"
  | "shoe"
  | "sweater"
  | "tent"
  | "bicycle"
  | "notebook"
  | "bag"
  | "mug";

/** Brand-like first words of product names. */
export const SERIES = [
  "Aurora",
  "Halden",
  "Nordlys",
  "Cascade",
  "Juniper",
  "Meridian",
  "Alder",
  "Solstice",
  "Harbor",
  "Kestrel",
  "Tidewater",
  "Fjord",
  "Ember",
  "Willow",
  "Summit",
  "Atlas",
  "Marlow",
  "Orchard",
  "Pinecrest",
  "Quarry",
  "Redwood",
  "Sable",
  "Vesper",
  "Linden",
] as const;

/** The colour an image takes for each variant word. */
export const SWATCHES: Record<string, string> = {
  Blue: "#2f6fb3",
  "Sky Blue": "#7fb6e6",
  Navy: "#1f2f57",
  Indigo: "#3b3f8f",
  Teal: "#1f7a7a",
  Charcoal: "#3a3d42",
  Black: "#1d1d1f",
  White: "#f2f1ec",
  Cream: "#efe6d2",
  Sand: "#d8c49c",
  Olive: "#6b6b2f",
  "Forest Green": "#2f5a3a",
  Sage: "#9bb08f",
  Rust: "#a4502a",
  Burgundy: "#6e1f2f",
  Mustard: "#d1a431",
  Coral: "#e9785f",
  Grey: "#8d8f93",
  Red: "#b8322f",
  Yellow: "#e8c33a",
  Brass: "#b5913f",
  Copper: "#b46a3c",
  Walnut: "#6b4a2f",
  Oak: "#b8925e",
  Ash: "#d9ccb4",
  Ceramic: "#e7ded0",
  Linen: "#e4dccb",
  Marble: "#e8e6e3",
  Concrete: "#a5a29c",
  Steel: "#9aa3ab",
  Bamboo: "#c9b37a",
  Leather: "#8a5a36",
  Canvas: "#cdbf9f",
  Wool: "#b9ada0",
  Cotton: "#f0ede6",
  Matte: "#4a4c50",
  Glass: "#bcd8de",
  Cork: "#b88b5a",
  Enamel: "#d9e4ea",
  "Cast Iron": "#2e2e30",
  Carbon: "#2b2d31",
  Aluminium: "#b8bcc2",
  Graphite: "#55585d",
};

const colours = ["Blue", "Sky Blue", "Navy", "Charcoal", "Black", "White", "Olive", "Rust", "Burgundy", "Sand"];

const clothingSizes = { name: "Size", values: ["XS", "S", "M", "L", "XL", "XXL"], least: 3 } as const;
const eachNoun = <T>(nouns: readonly string[], value: T) => Object.fromEntries(nouns.map((noun) => [noun, value]));
const shirts = ["Oxford Shirt", "Linen Shirt", "Flannel Shirt", "Denim Shirt", "Polo Shirt", "T-Shirt", "Henley"];
const jackets = ["Rain Jacket", "Down Jacket", "Denim Jacket", "Field Jacket", "Fleece Jacket", "Overcoat"];
const shoes = ["Running Shoes", "Leather Boots", "Canvas Sneakers", "Trail Runners", "Loafers", "Slippers"];
const shoeSizes = { name: "Size", values: ["38", "39", "40", "41", "42", "43", "44", "45", "46"], least: 5 } as const;
const tableSizes = { name: "Size", values: ["90 cm", "120 cm", "160 cm", "200 cm"], least: 2 } as const;
const upholstery = { name: "Upholstery", values: ["Linen", "Wool", "Leather"], least: 2 } as const;

export const CATALOG: readonly RootCategory[] = [
  {
    slug: "home",
    name: "Home",
    children: [
      {
        slug: "lighting",
        name: "Lighting",
        weight: 9,
        nouns: [
          "Desk Lamp",
          "Floor Lamp",
          "Table Lamp",
          "Bedside Lamp",
          "Pendant Light",
          "Wall Sconce",
          "Reading Lamp",
        ],
        variants: ["Brass", "Copper", "Walnut", "Ceramic", "Linen", "Matte", "Glass", "Concrete", "Oak", "White"],
        dollars: [29, 349],
        sentences: [
          "A {variant} {noun} that throws a warm, even light without glare.",
          "Dimmable LED with a colour temperature of 2700 K, bright enough to read by.",
          "The shade tilts and turns, so the light lands exactly where you work.",
          "Comes with a braided fabric cord and an inline switch.",
          "Hand-finished {variant} details make it as good switched off as on.",
          "Uses a standard E27 bulb; a warm-white LED bulb is included.",
        ],
        glyph: "lamp",
      },
      {
        slug: "furniture",
        name: "Furniture",
        weight: 7,
        nouns: ["Lounge Chair", "Dining Chair", "Side Table", "Bookshelf", "Coffee Table", "Bench", "Writing Desk"],
        variants: ["Walnut", "Oak", "Ash", "Bamboo", "Steel", "Black", "White", "Marble"],
        dollars: [79, 1290],
        sentences: [
          "Solid {variant} construction with joinery made to last for decades.",
          "Ships flat and assembles in under twenty minutes with one tool.",
          "A {noun} with clean lines that suits a small flat as well as a studio.",
          "Felt pads on every foot keep floors free of scratches.",
          "Pairs well with a reading lamp and a good book.",
          "Finished with a natural oil that is easy to refresh at home.",
        ],
        glyph: "chair",
        options: {
          first: { name: "Finish", values: ["Walnut", "Oak", "Ash", "Bamboo", "Black", "White"], most: 4 },
          second: {
            byNoun: {
              ...eachNoun(["Lounge Chair", "Dining Chair", "Bench"], upholstery),
              ...eachNoun(["Side Table", "Coffee Table", "Writing Desk", "Bookshelf"], tableSizes),
            },
            stepPrice: 0.2,
          },
        },
        nounGlyphs: {
          "Side Table": "table",
          "Coffee Table": "table",
          Bookshelf: "bookshelf",
          Bench: "bench",
          "Writing Desk": "desk",
        },
      },
      {
        slug: "kitchen",
        name: "Kitchen",
        weight: 8,
        nouns: [
          "Dutch Oven",
          "Chef's Knife",
          "Frying Pan",
          "Pour-Over Kettle",
          "Cutting Board",
          "Saucepan",
          "Coffee Grinder",
        ],
        variants: ["Cast Iron", "Enamel", "Steel", "Copper", "Walnut", "Bamboo", "Black", "Red"],
        dollars: [19, 289],
        sentences: [
          "A {variant} {noun} that heats evenly and goes from hob to oven.",
          "Dishwasher safe, though a quick rinse by hand keeps it like new.",
          "Balanced in the hand and built for daily cooking.",
          "Works on gas, electric and induction.",
          "A generous size for weeknight dinners and weekend batch cooking.",
          "Backed by a lifetime warranty against defects.",
        ],
        glyph: "pot",
      },
      {
        slug: "bedding",
        name: "Bedding",
        weight: 5,
        nouns: ["Duvet Cover", "Pillowcase Set", "Throw Blanket", "Quilt", "Fitted Sheet", "Cushion"],
        variants: ["Linen", "Cotton", "Wool", "Sage", "Sand", "Blue", "Grey", "Coral", "Cream"],
        dollars: [25, 260],
        sentences: [
          "Stonewashed {variant} that gets softer with every wash.",
          "Breathable and cool in summer, cosy in winter.",
          "Made from OEKO-TEX certified fibres, free of harmful substances.",
          "Hidden button closure and corner ties keep everything in place.",
          "A relaxed, lived-in look that never needs ironing.",
        ],
        glyph: "pillow",
      },
    ],
  },
  {
    slug: "audio",
    name: "Audio",
    children: [
      {
        slug: "headphones",
        name: "Headphones",
        weight: 8,
        nouns: [
          "Wireless Headphones",
          "Over-Ear Headphones",
          "Noise-Cancelling Headphones",
          "Studio Headphones",
          "Wireless Earbuds",
          "On-Ear Headphones",
        ],
        variants: ["Black", "White", "Navy", "Sand", "Graphite", "Sage", "Carbon"],
        dollars: [39, 449],
        sentences: [
          "Active noise cancelling quiets trains, planes and open-plan offices.",
          "Up to 40 hours of battery life, and ten minutes of charging gives three more.",
          "Soft memory-foam ear cushions and a padded headband for all-day listening.",
          "Bluetooth 5.3 with multipoint pairing to your phone and laptop at once.",
          "Tuned by studio engineers for a balanced, detailed sound.",
          "Folds flat into the included hard case.",
        ],
        glyph: "headphones",
      },
      {
        slug: "speakers",
        name: "Speakers",
        weight: 6,
        nouns: ["Bluetooth Speaker", "Bookshelf Speakers", "Soundbar", "Smart Speaker", "Portable Speaker"],
        variants: ["Black", "White", "Walnut", "Oak", "Grey", "Teal", "Coral"],
        dollars: [49, 899],
        sentences: [
          "Room-filling sound with deep, controlled bass.",
          "Pairs over Bluetooth or Wi-Fi and streams from any app.",
          "Waterproof to IP67, so rain and pool splashes are no problem.",
          "A {variant} cabinet that looks at home on a shelf.",
          "Link two for true stereo sound.",
        ],
        glyph: "speaker",
      },
      {
        slug: "turntables",
        name: "Turntables",
        weight: 3,
        nouns: ["Turntable", "Record Player", "Phono Preamp", "Record Cleaning Kit"],
        variants: ["Walnut", "Black", "White", "Oak", "Aluminium"],
        dollars: [59, 990],
        sentences: [
          "Belt drive and a damped plinth keep rumble out of your records.",
          "Built-in switchable phono stage connects to any amplifier or powered speakers.",
          "Plays 33 and 45 rpm records with a pre-mounted cartridge.",
          "A {variant} finish that shows off your vinyl collection.",
        ],
        glyph: "record",
      },
    ],
  },
  {
    slug: "apparel",
    name: "Apparel",
    children: [
      {
        slug: "shirts",
        name: "Shirts",
        weight: 9,
        nouns: shirts,
        variants: colours,
        dollars: [19, 129],
        sentences: [
          "A {variant} {noun} cut from soft, breathable cotton.",
          "A relaxed fit with a straight hem that works tucked or untucked.",
          "Garment-dyed for a rich colour that fades gracefully.",
          "Machine washable at 30 °C; hang to dry.",
          "Reinforced seams and real horn buttons.",
          "Made in Portugal from organic cotton.",
        ],
        glyph: "shirt",
        options: {
          first: { name: "Colour", values: colours, most: 5 },
          second: { byNoun: eachNoun(shirts, clothingSizes), stepPrice: 0 },
        },
      },
      {
        slug: "jackets",
        name: "Jackets",
        weight: 6,
        nouns: jackets,
        variants: colours,
        dollars: [69, 489],
        sentences: [
          "Waterproof, windproof and breathable, with taped seams.",
          "A {variant} {noun} with a two-way zip and deep hand-warmer pockets.",
          "Packs into its own pocket for travel.",
          "Lined for warmth without the bulk.",
          "An adjustable hood that stays put in a strong wind.",
        ],
        glyph: "jacket",
        options: {
          first: { name: "Colour", values: colours, most: 3 },
          second: { byNoun: eachNoun(jackets, clothingSizes), stepPrice: 0 },
        },
      },
      {
        slug: "footwear",
        name: "Footwear",
        weight: 6,
        nouns: shoes,
        variants: ["Black", "White", "Navy", "Blue", "Leather", "Canvas", "Grey", "Rust"],
        dollars: [39, 289],
        sentences: [
          "A cushioned sole that stays comfortable from morning to night.",
          "Grippy rubber outsole for wet pavements and muddy trails.",
          "Breathable lining keeps your feet cool.",
          "{variant} uppers that break in quickly and age well.",
          "True to size; half sizes available.",
        ],
        glyph: "shoe",
        options: {
          first: { name: "Colour", values: ["Black", "White", "Navy", "Blue", "Grey", "Rust"], most: 4 },
          second: { byNoun: eachNoun(shoes, shoeSizes), stepPrice: 0 },
        },
      },
      {
        slug: "knitwear",
        name: "Knitwear",
        weight: 5,
        nouns: ["Crewneck Sweater", "Cardigan", "Roll-Neck Jumper", "Beanie", "Scarf"],
        variants: ["Wool", "Navy", "Blue", "Cream", "Olive", "Charcoal", "Burgundy", "Mustard"],
        dollars: [24, 219],
        sentences: [
          "Knitted from soft merino wool that resists itching and odour.",
          "A classic {variant} {noun} for cold mornings.",
          "Rib-knit trims hold their shape wash after wash.",
          "Warm, light and easy to layer.",
        ],
        glyph: "sweater",
        options: {
          first: {
            name: "Colour",
            values: ["Navy", "Blue", "Cream", "Olive", "Charcoal", "Burgundy", "Mustard"],
            most: 6,
          },
          // Beanies and scarves come in one size.
          second: {
            byNoun: eachNoun(["Crewneck Sweater", "Cardigan", "Roll-Neck Jumper"], clothingSizes),
            stepPrice: 0,
          },
        },
      },
    ],
  },
  {
    slug: "outdoors",
    name: "Outdoors",
    children: [
      {
        slug: "camping",
        name: "Camping",
        weight: 6,
        nouns: ["Two-Person Tent", "Sleeping Bag", "Camp Stove", "Lantern", "Camping Chair", "Water Filter"],
        variants: ["Olive", "Forest Green", "Sand", "Rust", "Yellow", "Grey", "Steel"],
        dollars: [19, 599],
        sentences: [
          "Light enough for a long hike, tough enough for a windy ridge.",
          "Sets up in minutes, even in the dark.",
          "Packs down small and weighs under a kilo.",
          "Tested from the Alps to the Highlands.",
          "A {variant} {noun} built for weekends under the stars.",
        ],
        glyph: "tent",
      },
      {
        slug: "cycling",
        name: "Cycling",
        weight: 5,
        nouns: ["Bike Helmet", "Bike Light Set", "Saddle Bag", "Cycling Gloves", "Bike Lock", "Water Bottle Cage"],
        variants: ["Black", "White", "Red", "Yellow", "Carbon", "Aluminium", "Teal"],
        dollars: [12, 249],
        sentences: [
          "Made for daily commutes and long weekend rides.",
          "Reflective details keep you visible after dark.",
          "Fits most road, gravel and city bikes.",
          "Rechargeable over USB-C.",
          "A {variant} finish that shrugs off road grime.",
        ],
        glyph: "bicycle",
      },
    ],
  },
  {
    slug: "office",
    name: "Office",
    children: [
      {
        slug: "stationery",
        name: "Stationery",
        weight: 5,
        nouns: ["Notebook", "Fountain Pen", "Planner", "Sketchbook", "Pencil Set", "Desk Organiser"],
        variants: ["Black", "Navy", "Rust", "Sage", "Cork", "Leather", "Brass", "Cream"],
        dollars: [6, 149],
        sentences: [
          "Thick, fountain-pen-friendly paper with no bleed-through.",
          "Lies flat on the desk, open at any page.",
          "A {variant} cover that wears in beautifully.",
          "Dotted, lined or blank pages.",
          "A thoughtful gift for anyone who still writes by hand.",
        ],
        glyph: "notebook",
      },
      {
        slug: "bags",
        name: "Bags",
        weight: 6,
        nouns: ["Backpack", "Messenger Bag", "Tote Bag", "Laptop Sleeve", "Weekender Bag", "Crossbody Bag"],
        variants: ["Black", "Navy", "Olive", "Canvas", "Leather", "Charcoal", "Sand"],
        dollars: [29, 389],
        sentences: [
          "A padded sleeve fits laptops up to 16 inches.",
          "Water-resistant {variant} that ages with character.",
          "Plenty of pockets, so your keys never sink to the bottom.",
          "Comfortable straps for the daily commute.",
          "Carry-on size for most airlines.",
        ],
        glyph: "bag",
      },
      {
        slug: "desk-accessories",
        name: "Desk Accessories",
        weight: 4,
        nouns: ["Monitor Stand", "Desk Mat", "Mug", "Cable Tray", "Laptop Stand", "Desk Clock"],
        variants: ["Walnut", "Oak", "Cork", "Wool", "Steel", "Black", "White", "Ceramic"],
        dollars: [9, 179],
        sentences: [
          "Brings order to a busy desk.",
          "Raises your screen to eye level for a kinder posture.",
          "A {variant} {noun} that looks good next to a desk lamp.",
          "Non-slip base keeps it steady while you type.",
          "Designed in our studio and made in small batches.",
        ],
        glyph: "mug",
      },
    ],
  },
];

/** Closing sentences any product may borrow. */
export const CLOSINGS = [
  "Free returns within 30 days.",
  "Ships in recycled, plastic-free packaging.",
  "Covered by our two-year guarantee.",
  "Designed to be repaired, not replaced.",
  "Each piece is checked by hand before it leaves the workshop.",
] as const;
