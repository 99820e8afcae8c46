/** The mail catcher's mailbox (a tool beside the shop). */
import * as pg from "../schema/mail-catcher/pg.ts";
import * as sqlite from "../schema/mail-catcher/sqlite.ts";
import { ownerTables } from "./owner.ts";

export const mailCatcherTables = ownerTables(pg, sqlite);
