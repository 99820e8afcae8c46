/**
 * The category tree for admins: create, rename, move (never under itself or a descendant) and
 * delete (only when no product and no child category is left in it).
 */
import { type Db, isConstraintViolation, newId } from "@shopwright/db";
import { catalogTables } from "@shopwright/db/tables/catalog";
import { count, eq } from "drizzle-orm";
import { badRequest, conflict, notFound } from "../errors.ts";
import { freeSlug } from "./slug.ts";
import { recordCatalogWrite } from "./version.ts";

export async function createCategory(
  db: Db,
  actorId: string,
  input: { name: string; slug?: string; parentId?: string | null },
) {
  const id = newId("cat");
  const slug = input.slug ?? (await freeSlug(db, catalogTables(db).categories, input.name));
  await writeCategory(() =>
    db.transaction(async (tx) => {
      await tx.orm
        .insert(catalogTables(tx).categories)
        .values({ id, slug, name: input.name, parentId: input.parentId ?? null });
      await recordCatalogWrite(tx, {
        actorId,
        action: "category.created",
        entityType: "category",
        entityId: id,
        details: { name: input.name, slug, parentId: input.parentId ?? null },
      });
    }),
  );
  return { id, slug, name: input.name, parentId: input.parentId ?? null };
}

/** Renames and/or moves a category. `parentId: null` makes it a root. */
export async function updateCategory(
  db: Db,
  actorId: string,
  input: { id: string; name?: string; slug?: string; parentId?: string | null; position?: number },
) {
  const { id, ...patch } = input;
  return writeCategory(() =>
    db.transaction(async (tx) => {
      const { categories } = catalogTables(tx);
      if (patch.parentId !== undefined) {
        // Two moves checked at once could each pass and together make a cycle; they queue here.
        await tx.lockTable(categories);
        if (patch.parentId !== null) await assertNotBelow(tx, patch.parentId, id);
      }
      const [before] = await tx.orm.select().from(categories).where(eq(categories.id, id));
      if (!before) throw notFound("Category");
      const [after] = await tx.orm.update(categories).set(patch).where(eq(categories.id, id)).returning({
        id: categories.id,
        slug: categories.slug,
        name: categories.name,
        parentId: categories.parentId,
        position: categories.position,
      });
      const changes = Object.fromEntries(
        Object.entries(patch)
          .filter(([key, to]) => to !== undefined && before[key as keyof typeof before] !== to)
          .map(([key, to]) => [key, { from: before[key as keyof typeof before], to }]),
      );
      await recordCatalogWrite(tx, {
        actorId,
        action: "parentId" in changes ? "category.moved" : "category.updated",
        entityType: "category",
        entityId: id,
        details: changes,
      });
      return after!;
    }),
  );
}

export async function deleteCategory(db: Db, actorId: string, id: string) {
  const { categories, products } = catalogTables(db);
  await writeCategory(
    () =>
      db.transaction(async (tx) => {
        const [[childRows], [productRows]] = await Promise.all([
          tx.orm.select({ n: count() }).from(categories).where(eq(categories.parentId, id)),
          tx.orm.select({ n: count() }).from(products).where(eq(products.categoryId, id)),
        ]);
        const children = childRows?.n ?? 0;
        const items = productRows?.n ?? 0;
        if (children > 0 || items > 0) {
          throw conflict("Only an empty category can be deleted", { children, products: items });
        }
        const [deleted] = await tx.orm
          .delete(categories)
          .where(eq(categories.id, id))
          .returning({ name: categories.name });
        if (!deleted) throw notFound("Category");
        await recordCatalogWrite(tx, {
          actorId,
          action: "category.deleted",
          entityType: "category",
          entityId: id,
          details: { name: deleted.name },
        });
      }),
    inUse,
  );
  return { ok: true as const };
}

/** Refuses to put `id` under `parentId` when `parentId` is `id` itself or lies below it. */
async function assertNotBelow(db: Db, parentId: string, id: string) {
  const { categories } = catalogTables(db);
  const seen = new Set<string>();
  for (let current: string | null = parentId; current; ) {
    if (current === id)
      throw badRequest("A category cannot be moved under itself or its own subcategory", { field: "parentId" });
    if (seen.has(current)) break;
    seen.add(current);
    const [row] = await db.orm
      .select({ parentId: categories.parentId })
      .from(categories)
      .where(eq(categories.id, current));
    if (!row) throw missingParent();
    current = row.parentId;
  }
}

const missingParent = () => badRequest("That parent category does not exist", { field: "parentId" });
/** A product or subcategory added while the delete ran. */
const inUse = () => conflict("Only an empty category can be deleted");

async function writeCategory<T>(write: () => Promise<T>, onForeignKey = missingParent): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isConstraintViolation(error, "unique"))
      throw conflict("Another category already uses that slug", { field: "slug" });
    if (isConstraintViolation(error, "foreignKey")) throw onForeignKey();
    throw error;
  }
}
