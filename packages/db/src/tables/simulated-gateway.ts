/** The simulated payment provider's own payments (a tool beside the shop). */
import * as pg from "../schema/simulated-gateway/pg.ts";
import * as sqlite from "../schema/simulated-gateway/sqlite.ts";
import { ownerTables } from "./owner.ts";

export const simulatedGatewayTables = ownerTables(pg, sqlite);
