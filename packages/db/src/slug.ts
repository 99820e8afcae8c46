/** Slugs: the URL names of products and categories, lower-case words joined by dashes. */

/** "Ada’s Crème Brûlée — 2 pack!" → "adas-creme-brulee-2-pack" (or "item" when nothing usable is left). */
export function slugify(text: string): string {
  const slug = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/['’]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 100)
    .replace(/-+$/, "");
  return slug || "item";
}
