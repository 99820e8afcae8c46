/**
 * Writing a product's variants: the admin sends the whole list, and one function makes the rows
 * match it inside the product write's transaction, keeping the product's price range in step.
 */
import {
  type Db,
  isConstraintViolation,
  newId,
  type ProductOption,
  type VariantOptions,
  type VariantStatus,
  violatedConstraint,
} from "@shopwright/db";
import { catalogTables } from "@shopwright/db/tables/catalog";
import { and, eq, inArray, ne } from "drizzle-orm";
import { badRequest, conflict } from "../errors.ts";
import { checkNewVariantsStock, checkVariants } from "./variant-rules.ts";
import { orderedOptions, syncProductSummary, variantColumns } from "./variants.ts";

export interface VariantInput {
  /** An existing variant of the product to change; without it a new variant is made. */
  id?: string;
  sku: string;
  options: VariantOptions;
  priceCents: number;
  /** Required for a new variant; left out, an existing one keeps its live stock. */
  stock?: number;
  status?: VariantStatus;
}

/**
 * Which of these variants some order holds: the orders domain's answer, passed in by the
 * composition root (a variant an order holds is archived, never deleted).
 */
export type VariantsOrdered = (db: Db, variantIds: readonly string[]) => Promise<ReadonlySet<string>>;

export interface VariantChanges {
  added: number;
  changed: number;
  deleted: number;
  archived: number;
}

/**
 * Makes the product's variants the list given, in its order, inside the caller's transaction:
 * listed variants with an id are changed (only what differs is written, and stock only when sent:
 * left out, the live stock checkouts have taken from stays), listed ones without are made, and the
 * product's variants left out are deleted, or archived when an order holds them. Every problem is
 * BAD_REQUEST or CONFLICT naming its field before anything is written.
 */
export async function saveVariants(
  tx: Db,
  input: {
    productId: string;
    options: readonly ProductOption[];
    variants: readonly VariantInput[];
    variantsOrdered: VariantsOrdered;
  },
): Promise<VariantChanges> {
  const { productVariants } = catalogTables(tx);
  const [problem, ...more] = [
    ...checkVariants(input.options, input.variants),
    ...checkNewVariantsStock(input.variants),
  ];
  if (problem) {
    const issues = [problem, ...more].map((p) => ({ field: p.path.join("."), message: p.message }));
    throw badRequest(problem.message, { field: issues[0]!.field, problems: issues });
  }
  const existing = await tx.orm
    .select(variantColumns(tx))
    .from(productVariants)
    .where(eq(productVariants.productId, input.productId));
  const byId = new Map(existing.map((v) => [v.id, v]));
  input.variants.forEach((v, i) => {
    if (v.id !== undefined && !byId.has(v.id)) {
      throw badRequest(`Variant ${i + 1} is not one of this product's variants`, { field: `variants.${i}.id` });
    }
  });
  await refuseSkusOfOtherProducts(tx, input.productId, input.variants);

  const kept = new Set(input.variants.flatMap((v) => (v.id ? [v.id] : [])));
  const left = existing.filter((v) => !kept.has(v.id)).map((v) => v.id);
  const ordered = left.length > 0 ? await input.variantsOrdered(tx, left) : new Set<string>();
  const toDelete = left.filter((id) => !ordered.has(id));
  const toArchive = left.filter((id) => ordered.has(id) && byId.get(id)!.status !== "archived");
  if (toDelete.length > 0) await tx.orm.delete(productVariants).where(inArray(productVariants.id, toDelete));
  if (toArchive.length > 0) {
    await tx.orm.update(productVariants).set({ status: "archived" }).where(inArray(productVariants.id, toArchive));
  }

  let added = 0;
  let changed = 0;
  await writeOrExplain(input.variants, async () => {
    for (const [position, v] of input.variants.entries()) {
      const row = {
        sku: v.sku,
        options: orderedOptions(input.options, v.options),
        priceCents: v.priceCents,
        ...(v.stock !== undefined && { stock: v.stock }),
        status: v.status ?? "active",
        position,
      };
      const before = v.id ? byId.get(v.id) : undefined;
      if (!before) {
        // checkNewVariantsStock refused a new variant without stock above.
        await tx.orm
          .insert(productVariants)
          .values({ id: newId("var"), productId: input.productId, ...row, stock: v.stock! });
        added++;
        continue;
      }
      const patch = Object.fromEntries(
        Object.entries(row).filter(
          ([key, to]) => JSON.stringify(before[key as keyof typeof row]) !== JSON.stringify(to),
        ),
      );
      if (Object.keys(patch).length === 0) continue;
      await tx.orm.update(productVariants).set(patch).where(eq(productVariants.id, before.id));
      changed++;
    }
  });
  await syncProductSummary(tx, input.productId);
  return { added, changed, deleted: toDelete.length, archived: toArchive.length };
}

/** A SKU is unique across the shop: one another product's variant has is CONFLICT naming it. */
async function refuseSkusOfOtherProducts(tx: Db, productId: string, variants: readonly VariantInput[]) {
  const { productVariants, products } = catalogTables(tx);
  const [taken] = await tx.orm
    .select({ sku: productVariants.sku, name: products.name })
    .from(productVariants)
    .innerJoin(products, eq(products.id, productVariants.productId))
    .where(
      and(
        inArray(
          productVariants.sku,
          variants.map((v) => v.sku),
        ),
        ne(productVariants.productId, productId),
      ),
    )
    .limit(1);
  if (!taken) return;
  const i = variants.findIndex((v) => v.sku === taken.sku);
  throw conflict(`The SKU ${taken.sku} is already used by ${taken.name}`, { field: `variants.${i}.sku` });
}

/**
 * The unique indexes still decide a race or a case the checks cannot see (a new variant repeating
 * an archived one's options; two variants of this product swapping SKUs): CONFLICT with a sentence.
 */
async function writeOrExplain(variants: readonly VariantInput[], write: () => Promise<void>) {
  try {
    await write();
  } catch (error) {
    if (!isConstraintViolation(error, "unique")) throw error;
    if (violatedConstraint(error)?.includes("options")) {
      throw conflict(
        "One of these combinations is already a variant of this product (perhaps archived); change that variant instead",
        { field: "variants" },
      );
    }
    throw conflict(`A SKU in ${variants.map((v) => v.sku).join(", ")} is already used by another variant`, {
      field: "variants",
    });
  }
}
