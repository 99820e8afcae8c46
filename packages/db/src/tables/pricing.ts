/** Shipping zones and methods, tax rates and settings, discount codes and their redemptions. */
import * as pg from "../schema/pricing/pg.ts";
import * as sqlite from "../schema/pricing/sqlite.ts";
import { ownerTables } from "./owner.ts";

export const pricingTables = ownerTables(pg, sqlite);
