/** The kernel's fixed-window rate-limit counters. */
import * as pg from "../schema/rate-limits/pg.ts";
import * as sqlite from "../schema/rate-limits/sqlite.ts";
import { ownerTables } from "./owner.ts";

export const rateLimitTables = ownerTables(pg, sqlite);
