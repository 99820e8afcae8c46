/** Carts and their lines. */
import * as pg from "../schema/cart/pg.ts";
import * as sqlite from "../schema/cart/sqlite.ts";
import { ownerTables } from "./owner.ts";

export const cartTables = ownerTables(pg, sqlite);
