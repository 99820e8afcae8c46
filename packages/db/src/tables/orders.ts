/** Orders, their items, status history and payment attempts, and checkout's idempotency keys. */
import * as pg from "../schema/orders/pg.ts";
import * as sqlite from "../schema/orders/sqlite.ts";
import { ownerTables } from "./owner.ts";

export const ordersTables = ownerTables(pg, sqlite);
