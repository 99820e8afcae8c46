/** The job workers' heartbeats. */
import * as pg from "../schema/worker/pg.ts";
import * as sqlite from "../schema/worker/sqlite.ts";
import { ownerTables } from "./owner.ts";

export const workerTables = ownerTables(pg, sqlite);
