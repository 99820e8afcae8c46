/**
 * Run by embedded.unit.test.ts as a terminal would run a shop: it starts the embedded server,
 * says "ready", and on SIGINT (Ctrl-C reaches the whole foreground process group) still uses the
 * database before stopping it, the way the shop's graceful shutdown does.
 */
import { createPgPool } from "./client.ts";
import { startEmbeddedPostgres } from "./embedded.ts";

const server = await startEmbeddedPostgres({ dataDir: process.argv[2]! });
const pool = createPgPool(server.url, { max: 1 });
await pool.query("select 1");
process.on("SIGINT", async () => {
  // Long enough for a Postgres that also got the signal to have shut down.
  await new Promise((resolve) => setTimeout(resolve, 500));
  try {
    await pool.query("select 1");
    console.log("after SIGINT: the database answered");
  } catch (error) {
    console.log(`after SIGINT: ${(error as Error).message}`);
  }
  await pool.end().catch(() => {});
  await server.stop();
  console.log(`stopped ${server.pid}`);
  process.exit(0);
});
console.log("ready");
