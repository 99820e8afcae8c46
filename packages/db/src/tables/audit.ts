/** The audit log: who did what in the back office. */
import * as pg from "../schema/audit/pg.ts";
import * as sqlite from "../schema/audit/sqlite.ts";
import { ownerTables } from "./owner.ts";

export const auditTables = ownerTables(pg, sqlite);
