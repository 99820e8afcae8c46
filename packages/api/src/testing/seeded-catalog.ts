/** A fresh database holding the seed's catalog, and a guest's catalog procedures over it. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { folderImageStore, seedCatalog } from "@shopwright/db/seed";
import { createTestDb } from "@shopwright/db/testing";
import { guestCaller } from "./index.ts";

export async function seededCatalog(products: number) {
  const db = await createTestDb();
  const mediaDir = mkdtempSync(join(tmpdir(), "seeded-catalog-"));
  await seedCatalog(db, { products, images: folderImageStore(mediaDir) });
  return {
    catalog: guestCaller(db).catalog,
    async close() {
      await db.close();
      rmSync(mediaDir, { recursive: true, force: true });
    },
  };
}
