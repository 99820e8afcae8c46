import { type Db, productStatuses, text, variantStatuses } from "@shopwright/db";
import { z } from "zod";
import { adminProcedure } from "../auth/procedures.ts";
import { pageInput } from "../lib/listing.ts";
import { mediaStorageFor } from "../media/storage.ts";
import { router } from "../trpc.ts";
import {
  createProduct,
  deleteProduct,
  listProducts,
  productById,
  updateProduct,
  updateProductImages,
} from "./product-admin.ts";
import { addProductImage, deleteProductImage, MAX_IMAGE_BYTES } from "./product-images.ts";
import { slugSchema } from "./slug.ts";
import type { VariantsOrdered } from "./variant-admin.ts";
import { pageOfVariants } from "./variant-pages.ts";
import { checkNewVariantsStock, MAX_VARIANTS } from "./variant-rules.ts";

const id = text().min(1).max(100);
const status = z.enum(productStatuses);
const fields = {
  name: text().trim().min(1, "Give the product a name").max(200),
  slug: slugSchema,
  description: text().trim().max(10_000),
  priceCents: z.number().int().min(0, "Price cannot be negative").max(100_000_000),
  stock: z.number().int().min(0, "Stock cannot be negative").max(1_000_000),
  categoryId: text().min(1, "Choose a category").max(100),
  status,
};
const alt = text().trim().max(300);

const optionName = text().trim().min(1, "Name the option").max(50);
const optionValue = text().trim().min(1, "Give the value a name").max(50);
/** Options in display order, each with its values in order: `[{ name: "Size", values: ["S", "M"] }]`. */
const options = z
  .array(
    z.object({
      name: optionName,
      values: z.array(optionValue).min(1, "Give the option at least one value").max(100),
    }),
  )
  .max(3, "A product can have at most 3 options");
const variant = z.object({
  id: id.optional(),
  sku: text()
    .trim()
    .min(1, "Give the variant a SKU")
    .max(64)
    .regex(/^[A-Za-z0-9][A-Za-z0-9._/-]*$/, "Use letters, digits, dots, dashes, underscores and slashes"),
  options: z.record(optionName, optionValue),
  priceCents: z.number().int().min(1, "Price must be more than 0").max(100_000_000),
  /** Left out for an existing variant: its live stock stays (see checkNewVariantsStock). */
  stock: z.number().int().min(0, "Stock cannot be negative").max(1_000_000).optional(),
  status: z.enum(variantStatuses).optional(),
});
const variants = z
  .array(variant)
  .min(1, "A product needs at least one variant")
  .max(MAX_VARIANTS, `A product can have at most ${MAX_VARIANTS} variants`)
  .superRefine((list, ctx) => {
    for (const { path, message } of checkNewVariantsStock(list)) {
      ctx.addIssue({ code: "custom", path: path.slice(1), message });
    }
  });

/** The upload form's fields, read out of the FormData and checked like any other input. */
const uploadForm = z.instanceof(FormData).transform((form, ctx) => {
  const parsed = z
    .object({
      productId: id,
      /** The variant the picture shows; without it the picture is the product's own. */
      variantId: id.optional(),
      image: z
        .instanceof(Blob, { message: "Choose an image file" })
        .refine((file) => file.size <= MAX_IMAGE_BYTES, "Images can be at most 5 MB"),
      alt: alt.default(""),
    })
    .safeParse({
      productId: form.get("productId"),
      variantId: form.get("variantId") ?? undefined,
      image: form.get("image"),
      alt: form.get("alt") ?? undefined,
    });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) ctx.addIssue({ ...issue, code: "custom" });
    return z.NEVER;
  }
  return parsed.data;
});

/**
 * Whether anyone ever ordered the product: orders knows, and sits above the catalog, so the
 * composition root passes its answer in (the edit form offers Archive instead of Delete).
 */
export type ProductOrdered = (db: Db, productId: string) => Promise<boolean>;

export function createAdminProductsRouter({
  productOrdered,
  variantsOrdered,
}: {
  productOrdered: ProductOrdered;
  variantsOrdered: VariantsOrdered;
}) {
  const forEditing = async (db: Db, productId: string) => {
    const [product, ordered] = await Promise.all([productById(db, productId), productOrdered(db, productId)]);
    return { ...product, ordered };
  };
  return router({
    list: adminProcedure
      .input(
        z
          .object({
            q: text().trim().max(200).optional(),
            status: status.optional(),
            categoryId: id.optional(),
            ...pageInput,
          })
          .default({ page: 1, pageSize: 20 }),
      )
      .query(({ ctx, input }) => listProducts(ctx.db, input)),

    byId: adminProcedure.input(z.object({ id })).query(({ ctx, input }) => forEditing(ctx.db, input.id)),

    /** A product with `options` and `variants`, or without options from `priceCents` and `stock`. */
    create: adminProcedure
      .input(
        z
          .object({
            ...fields,
            slug: fields.slug.optional(),
            status: status.optional(),
            priceCents: fields.priceCents.optional(),
            stock: fields.stock.optional(),
            options: options.optional(),
            variants: variants.optional(),
          })
          .superRefine((input, ctx) => {
            if (input.variants) return;
            if ((input.options?.length ?? 0) > 0) {
              ctx.addIssue({ code: "custom", path: ["variants"], message: "Add the product's variants" });
            }
            if (input.priceCents === undefined) {
              ctx.addIssue({ code: "custom", path: ["priceCents"], message: "Give the product a price" });
            }
            if (input.stock === undefined) {
              ctx.addIssue({ code: "custom", path: ["stock"], message: "Give the product's stock" });
            }
          }),
      )
      // A product just made has no orders yet.
      .mutation(async ({ ctx, input }) => ({
        ...(await createProduct(ctx.db, ctx.viewer.userId, input, variantsOrdered)),
        ordered: false,
      })),

    /** `variants` is the whole list: ones left out are deleted, or archived when ordered. */
    update: adminProcedure
      .input(
        z.object({
          id,
          ...z.object(fields).partial().shape,
          options: options.optional(),
          variants: variants.optional(),
        }),
      )
      .mutation(async ({ ctx, input: { id, ...patch } }) => {
        await updateProduct(ctx.db, ctx.viewer.userId, id, patch, variantsOrdered);
        return forEditing(ctx.db, id);
      }),

    /** A page of the product's variants, for a grid of many (filtered by SKU or option value). */
    variants: adminProcedure
      .input(z.object({ productId: id, q: text().trim().max(100).optional(), ...pageInput }))
      .query(({ ctx, input }) => pageOfVariants(ctx.db, input)),

    delete: adminProcedure.input(z.object({ id })).mutation(async ({ ctx, input }) =>
      deleteProduct(ctx.db, mediaStorageFor(ctx.config), ctx.viewer.userId, {
        id: input.id,
        ordered: await productOrdered(ctx.db, input.id),
      }),
    ),

    /**
     * A multipart form (tRPC's FormData input): `productId`, `image` (the file) and `alt`. The file's
     * type is decided by its bytes, never by its name or the browser's claim.
     */
    uploadImage: adminProcedure.input(uploadForm).mutation(async ({ ctx, input }) =>
      addProductImage(ctx.db, mediaStorageFor(ctx.config), ctx.viewer.userId, {
        productId: input.productId,
        variantId: input.variantId,
        bytes: new Uint8Array(await input.image.arrayBuffer()),
        alt: input.alt,
        requestId: ctx.req.requestId,
      }),
    ),

    /** Reorders the images (the array's order) and sets their alt text. */
    updateImages: adminProcedure
      .input(z.object({ productId: id, images: z.array(z.object({ id, alt })).max(50) }))
      .mutation(async ({ ctx, input }) => {
        await updateProductImages(ctx.db, ctx.viewer.userId, input);
        return forEditing(ctx.db, input.productId);
      }),

    deleteImage: adminProcedure.input(z.object({ imageId: id })).mutation(async ({ ctx, input }) => {
      const productId = await deleteProductImage(ctx.db, mediaStorageFor(ctx.config), ctx.viewer.userId, input.imageId);
      return forEditing(ctx.db, productId);
    }),
  });
}
