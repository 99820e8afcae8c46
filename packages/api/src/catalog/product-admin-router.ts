import { type Db, productStatuses, text } from "@shopwright/db";
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

/** The upload form's fields, read out of the FormData and checked like any other input. */
const uploadForm = z.instanceof(FormData).transform((form, ctx) => {
  const parsed = z
    .object({
      productId: id,
      image: z
        .instanceof(Blob, { message: "Choose an image file" })
        .refine((file) => file.size <= MAX_IMAGE_BYTES, "Images can be at most 5 MB"),
      alt: alt.default(""),
    })
    .safeParse({ productId: form.get("productId"), image: form.get("image"), alt: form.get("alt") ?? undefined });
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

export function createAdminProductsRouter({ productOrdered }: { productOrdered: ProductOrdered }) {
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

    create: adminProcedure
      .input(z.object({ ...fields, slug: fields.slug.optional(), status: status.optional() }))
      // A product just made has no orders yet.
      .mutation(async ({ ctx, input }) => ({
        ...(await createProduct(ctx.db, ctx.viewer.userId, input)),
        ordered: false,
      })),

    update: adminProcedure
      .input(z.object({ id, ...z.object(fields).partial().shape }))
      .mutation(async ({ ctx, input: { id, ...patch } }) => {
        await updateProduct(ctx.db, ctx.viewer.userId, id, patch);
        return forEditing(ctx.db, id);
      }),

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
