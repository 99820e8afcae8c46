/**
 * Builds the seed catalog in memory, deterministically: the same seed and size give the same
 * categories, names, prices and stock every time (only ids and dates depend on when it runs).
 */
import { newId } from "../ids.ts";
import { optionValuesText, type ProductOption, type VariantOptions } from "../schema/catalog/options.ts";
import type { ProductStatus } from "../schema/enums.ts";
import { slugify } from "../slug.ts";
import {
  CATALOG,
  CLOSINGS,
  type Glyph,
  type LeafCategory,
  type LeafOptions,
  SERIES,
  SWATCHES,
} from "./catalog-data.ts";
import { createRandom, type Random } from "./random.ts";

export interface SeedCategory {
  id: string;
  parentId: string | null;
  slug: string;
  name: string;
  position: number;
}

export interface SeedVariant {
  id: string;
  sku: string;
  options: VariantOptions;
  priceCents: number;
  stock: number;
  position: number;
}

export interface SeedProduct {
  id: string;
  slug: string;
  name: string;
  description: string;
  /** The lowest and highest of its variants' prices. */
  priceCents: number;
  maxPriceCents: number;
  options: ProductOption[];
  /** The option values of its variants, as search reads them (`optionValuesText`). */
  optionValues: string;
  variants: SeedVariant[];
  status: ProductStatus;
  categoryId: string;
  createdAt: Date;
  updatedAt: Date;
  image: { colour: string; glyph: LeafCategory["glyph"]; alt: string };
}

export interface SeedCatalog {
  categories: SeedCategory[];
  products: SeedProduct[];
}

const DAY_MS = 86_400_000;

interface ProductName {
  name: string;
  variant: string;
  noun: string;
}

/** Appended, with a number, to names reused once a leaf has used up its own (the bench skips it). */
export const EDITION_WORD = "Edition";

/** Every name a leaf can make (series × variant × noun), in a random but fixed order. */
function nameSequence(leaf: LeafCategory, random: Random): () => ProductName {
  const names = random.shuffle(
    SERIES.flatMap((series) =>
      leaf.variants.flatMap((variant) => leaf.nouns.map((noun) => ({ series, variant, noun }))),
    ),
  );
  let next = 0;
  return () => {
    const round = Math.floor(next / names.length);
    const { series, variant, noun } = names[next % names.length]!;
    next++;
    // Only catalogs far beyond the benchmark size run out of names; later rounds become editions.
    const edition = round === 0 ? "" : ` ${EDITION_WORD} ${round + 1}`;
    return { name: `${series} ${variant} ${noun}${edition}`, variant, noun };
  };
}

function describe(leaf: LeafCategory, noun: string, variant: string, random: Random): string {
  const fill = (sentence: string) =>
    sentence.replaceAll("{noun}", noun.toLowerCase()).replaceAll("{variant}", variant.toLowerCase());
  const sentences = random.shuffle(leaf.sentences).slice(0, random.int(2, 3)).map(fill);
  const text = [...sentences, random.pick(CLOSINGS)].join(" ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function price(leaf: LeafCategory, random: Random): number {
  const [min, max] = leaf.dollars;
  // Cheap things vary by the dollar, dear things by the ten; most prices end in .99.
  const dollars = random.int(min, max);
  const rounded = dollars < 100 ? dollars : Math.round(dollars / 10) * 10;
  return random.chance(0.75) ? rounded * 100 - 1 : rounded * 100;
}

export function generateCatalog(options: { products: number; seed?: number; now?: Date }): SeedCatalog {
  const random = createRandom(options.seed ?? 20_260_101);
  const now = (options.now ?? new Date()).getTime();

  const categories: SeedCategory[] = [];
  const leaves: { leaf: LeafCategory; id: string; nextName: () => ProductName }[] = [];
  CATALOG.forEach((root, rootPosition) => {
    const rootId = newId("cat");
    categories.push({ id: rootId, parentId: null, slug: root.slug, name: root.name, position: rootPosition });
    root.children.forEach((leaf, position) => {
      const id = newId("cat");
      categories.push({ id, parentId: rootId, slug: leaf.slug, name: leaf.name, position });
      leaves.push({ leaf, id, nextName: nameSequence(leaf, random) });
    });
  });

  const totalWeight = leaves.reduce((sum, { leaf }) => sum + leaf.weight, 0);
  const pickLeaf = () => {
    let r = random.next() * totalWeight;
    for (const entry of leaves) {
      r -= entry.leaf.weight;
      if (r < 0) return entry;
    }
    return leaves.at(-1)!;
  };

  const products: SeedProduct[] = [];
  // Options are drawn from a stream of their own, so adding them left every product's name, price
  // and stock as the main stream makes them.
  const optionRandom = createRandom((options.seed ?? 20_260_101) ^ 0x5eed);
  for (let i = 0; i < options.products; i++) {
    const { leaf, id: categoryId, nextName } = pickLeaf();
    const { name, variant, noun } = nextName();
    // Spread over the past year, so "newest" means something.
    const createdAt = new Date(now - random.int(0, 365 * DAY_MS));
    const slug = slugify(name);
    const description = describe(leaf, noun, variant, random);
    const basePrice = price(leaf, random);
    const stock = random.chance(0.08) ? 0 : random.int(1, random.chance(0.2) ? 400 : 60);
    const made = leaf.options
      ? withOptions(leaf.options, { slug, noun, variant, basePrice }, optionRandom)
      : {
          options: [],
          variants: [{ id: newId("var"), sku: slug, options: {}, priceCents: basePrice, stock, position: 0 }],
        };
    const prices = made.variants.map((v) => v.priceCents);
    products.push({
      id: newId("prod"),
      slug,
      name,
      description,
      priceCents: Math.min(...prices),
      maxPriceCents: Math.max(...prices),
      options: made.options,
      optionValues: optionValuesText(
        made.options,
        made.variants.map((v) => ({ ...v, status: "active" })),
      ),
      variants: made.variants,
      status: random.chance(0.01) ? "archived" : "active",
      categoryId,
      createdAt,
      updatedAt: createdAt,
      image: { colour: SWATCHES[variant] ?? "#8d8f93", glyph: glyphFor(leaf, noun), alt: name },
    });
  }
  return { categories, products };
}

/** What a product's picture draws: its own kind of thing where the category sells several. */
export function glyphFor(leaf: LeafCategory, noun: string): Glyph {
  return leaf.nounGlyphs?.[noun] ?? leaf.glyph;
}

/**
 * A product's options and a variant for each combination made: the first option's values (the
 * name's own word first when it is one), the noun's run of the second option's values, about one
 * combination in twenty not made (never a value's last), and stock of its own for each.
 */
function withOptions(
  set: LeafOptions,
  product: { slug: string; noun: string; variant: string; basePrice: number },
  random: Random,
): { options: ProductOption[]; variants: SeedVariant[] } {
  const second = set.second?.byNoun[product.noun];
  const others = random.shuffle(set.first.values.filter((v) => v !== product.variant));
  const own = set.first.values.includes(product.variant) ? [product.variant] : [];
  const firstCount = random.int(second ? 1 : 2, set.first.most);
  const firstValues = [...own, ...others].slice(0, firstCount);
  const options: ProductOption[] = [{ name: set.first.name, values: firstValues }];
  let run: string[] = [];
  if (second) {
    const length = random.int(second.least, second.values.length);
    const start = random.int(0, second.values.length - length);
    run = second.values.slice(start, start + length);
    options.push({ name: second.name, values: run });
  }
  const combinations = firstValues.flatMap((first) =>
    (second ? run : [undefined]).map((size, step) => ({ first, size, step })),
  );
  const made = combinations.filter(() => !(second && random.chance(0.05)));
  // A value every one of whose combinations was skipped gets its first back: each value has a variant.
  for (const c of combinations) {
    if (!made.some((m) => m.first === c.first) || !made.some((m) => m.size === c.size)) made.push(c);
  }
  made.sort((a, b) => combinations.indexOf(a) - combinations.indexOf(b));
  const stepPrice = set.second?.stepPrice ?? 0;
  const variants = made.map((c, position) => {
    const chosen: VariantOptions = { [set.first.name]: c.first, ...(second && { [second.name]: c.size! }) };
    return {
      id: newId("var"),
      sku: slugify([product.slug, ...Object.values(chosen)].join(" ")),
      options: chosen,
      priceCents: steppedPrice(product.basePrice, c.step * stepPrice),
      stock: random.chance(0.1) ? 0 : random.int(1, 25),
      position,
    };
  });
  return { options, variants };
}

/** A price `fraction` above `cents`, ending as it did (in .99 or .00). */
function steppedPrice(cents: number, fraction: number): number {
  if (fraction === 0) return cents;
  const dollars = Math.round((cents * (1 + fraction)) / 100);
  return cents % 100 === 99 ? dollars * 100 - 1 : dollars * 100;
}
