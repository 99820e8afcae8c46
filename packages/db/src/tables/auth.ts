/** Accounts, refresh-token sessions and password-reset links. */
import * as pg from "../schema/auth/pg.ts";
import * as sqlite from "../schema/auth/sqlite.ts";
import { ownerTables } from "./owner.ts";

export const authTables = ownerTables(pg, sqlite);
