/** Payment attempts and the gateway's events. */
import * as pg from "../schema/payments/pg.ts";
import * as sqlite from "../schema/payments/sqlite.ts";
import { ownerTables } from "./owner.ts";

export const paymentsTables = ownerTables(pg, sqlite);
