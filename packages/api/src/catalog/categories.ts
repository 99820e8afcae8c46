/**
 * The category tree. It is small (tens of rows), so it is read whole and shaped in code: one
 * query serves the menu and a filter's descendant set alike; a product's breadcrumbs are its
 * category's ancestors, read inside the product's own statement.
 */
import { type Db, jsonRows } from "@shopwright/db";
import { catalogTables } from "@shopwright/db/tables/catalog";
import { asc, count, inArray, type SQLWrapper, sql } from "drizzle-orm";

export interface CategoryRef {
  id: string;
  slug: string;
  name: string;
}

interface CategoryRow extends CategoryRef {
  parentId: string | null;
  position: number;
}

/** One category in the tree: the storefront's menu and the admin's editor read the same nodes. */
export interface CategoryNode extends CategoryRow {
  /** Products filed directly under this category, archived ones included (they still block a delete). */
  productCount: number;
  children: CategoryNode[];
}

function categoryColumns(db: Db) {
  const { categories } = catalogTables(db);
  return {
    id: categories.id,
    slug: categories.slug,
    name: categories.name,
    parentId: categories.parentId,
    position: categories.position,
  };
}

async function allCategories(db: Db): Promise<CategoryRow[]> {
  const { categories } = catalogTables(db);
  return db.orm
    .select(categoryColumns(db))
    .from(categories)
    .orderBy(asc(categories.position), asc(categories.name), asc(categories.id));
}

function childrenByParent(rows: CategoryRow[]): Map<string | null, CategoryRow[]> {
  const byParent = new Map<string | null, CategoryRow[]>();
  for (const row of rows) {
    const siblings = byParent.get(row.parentId);
    if (siblings) siblings.push(row);
    else byParent.set(row.parentId, [row]);
  }
  return byParent;
}

/** Every category as a tree of roots, siblings in their admin-chosen order. */
export async function categoryTree(db: Db): Promise<CategoryNode[]> {
  const { products } = catalogTables(db);
  const [rows, counts] = await Promise.all([
    allCategories(db),
    db.orm.select({ categoryId: products.categoryId, n: count() }).from(products).groupBy(products.categoryId),
  ]);
  const productCount = new Map(counts.map((c) => [c.categoryId, c.n]));
  const byParent = childrenByParent(rows);
  const build = (parentId: string | null): CategoryNode[] =>
    (byParent.get(parentId) ?? []).map((row) => ({
      ...row,
      productCount: productCount.get(row.id) ?? 0,
      children: build(row.id),
    }));
  return build(null);
}

/** The ids of the category with this slug and of all its descendants; null for an unknown slug. */
export async function categoryWithDescendants(db: Db, slug: string): Promise<string[] | null> {
  const rows = await allCategories(db);
  const root = rows.find((row) => row.slug === slug);
  if (!root) return null;
  const byParent = childrenByParent(rows);
  const ids: string[] = [];
  const pending = [root.id];
  // The `seen` guard keeps a corrupted (cyclic) parent chain from looping forever.
  const seen = new Set<string>();
  for (let id = pending.pop(); id !== undefined; id = pending.pop()) {
    if (seen.has(id)) continue;
    seen.add(id);
    ids.push(id);
    for (const child of byParent.get(id) ?? []) pending.push(child.id);
  }
  return ids;
}

/**
 * The category `categoryId` names and all its ancestors, as a value of the caller's select (one
 * statement reads a product and its breadcrumbs); `categoryPath` puts them in order. `union` drops
 * repeats, so a corrupted, cyclic parent chain ends too.
 */
export function categoryAncestry(db: Db, categoryId: SQLWrapper) {
  const { categories } = catalogTables(db);
  const up = sql`with recursive up(id) as (
      select ${categoryId}
      union
      select ${categories.parentId} from up join ${categories} on ${categories.id} = up.id
    ) select id from up`;
  return jsonRows(db, categoryColumns(db), sql`${categories} where ${categories.id} in (${up})`, sql`${categories.id}`);
}

/** The path from the root down to this category (breadcrumbs), the category itself last. */
export function categoryPath(ancestry: readonly CategoryRow[], categoryId: string): CategoryRef[] {
  const byId = new Map(ancestry.map((row) => [row.id, row]));
  return pathTo(byId, categoryId).map(({ id, slug, name }) => ({ id, slug, name }));
}

function pathTo(byId: Map<string, CategoryRow>, categoryId: string): CategoryRow[] {
  const path: CategoryRow[] = [];
  const seen = new Set<string>();
  for (
    let row = byId.get(categoryId);
    row && !seen.has(row.id);
    row = row.parentId ? byId.get(row.parentId) : undefined
  ) {
    seen.add(row.id);
    path.unshift(row);
  }
  return path;
}

/**
 * Each product's category and that category's ancestors, by product id: what a discount code for
 * "Clothing" needs to know to apply to a shirt filed under "Clothing › Shirts". One statement walks
 * up the tree (checkout runs it inside its transaction); `union` drops repeats, so a corrupted,
 * cyclic parent chain ends too.
 */
export async function productCategoryIds(db: Db, productIds: readonly string[]): Promise<Map<string, string[]>> {
  if (productIds.length === 0) return new Map();
  const { products, categories } = catalogTables(db);
  const rows = await db.execute<{ product_id: string; category_id: string | null }>(sql`
    with recursive ancestry(product_id, category_id) as (
      select ${products.id}, ${products.categoryId} from ${products}
      where ${inArray(products.id, [...new Set(productIds)])}
      union
      select ancestry.product_id, ${categories.parentId} from ancestry
      join ${categories} on ${categories.id} = ancestry.category_id
    )
    select product_id, category_id from ancestry`);
  const byProduct = new Map<string, string[]>();
  for (const row of rows) {
    const ids = byProduct.get(row.product_id) ?? [];
    if (row.category_id !== null) ids.push(row.category_id);
    byProduct.set(row.product_id, ids);
  }
  return byProduct;
}
