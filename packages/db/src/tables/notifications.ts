/** Emails the shop sent or is sending, one row per email. */
import * as pg from "../schema/notifications/pg.ts";
import * as sqlite from "../schema/notifications/sqlite.ts";
import { ownerTables } from "./owner.ts";

export const notificationsTables = ownerTables(pg, sqlite);
