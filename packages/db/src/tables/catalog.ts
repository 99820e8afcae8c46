/** Categories, products, their images and the catalog's version. */
import * as pg from "../schema/catalog/pg.ts";
import * as sqlite from "../schema/catalog/sqlite.ts";
import { ownerTables } from "./owner.ts";

export const catalogTables = ownerTables(pg, sqlite);
