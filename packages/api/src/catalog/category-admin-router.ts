import { text } from "@shopwright/db";
import { z } from "zod";
import { adminProcedure } from "../auth/procedures.ts";
import { router } from "../trpc.ts";
import { categoryTree } from "./categories.ts";
import { createCategory, deleteCategory, updateCategory } from "./category-admin.ts";
import { slugSchema } from "./slug.ts";

const id = text().min(1).max(100);
const name = text().trim().min(1, "Give the category a name").max(100);

export const adminCategoriesRouter = router({
  list: adminProcedure.query(({ ctx }) => categoryTree(ctx.db)),

  create: adminProcedure
    .input(z.object({ name, slug: slugSchema.optional(), parentId: id.nullish() }))
    .mutation(({ ctx, input }) => createCategory(ctx.db, ctx.viewer.userId, input)),

  /** Rename (name, slug), move (parentId; null for the top level) or reorder (position). */
  update: adminProcedure
    .input(
      z.object({
        id,
        name: name.optional(),
        slug: slugSchema.optional(),
        parentId: id.nullable().optional(),
        position: z.number().int().min(0).max(10_000).optional(),
      }),
    )
    .mutation(({ ctx, input }) => updateCategory(ctx.db, ctx.viewer.userId, input)),

  delete: adminProcedure
    .input(z.object({ id }))
    .mutation(({ ctx, input }) => deleteCategory(ctx.db, ctx.viewer.userId, input.id)),
});
