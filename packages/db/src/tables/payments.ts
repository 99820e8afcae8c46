/** The provider events the payments domain applied (its webhook log); attempts are the orders domain's. */
import * as pg from "../schema/payments/pg.ts";
import * as sqlite from "../schema/payments/sqlite.ts";
import { ownerTables } from "./owner.ts";

export const paymentsTables = ownerTables(pg, sqlite);
