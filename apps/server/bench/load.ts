/**
 * The load generator, run as its own process so it never competes with the server's event loop:
 * `node --import tsx bench/load.ts <job.json>`. It drives one scenario with autocannon for a
 * warm-up, then for the measured run, and prints one JSON line per phase: `{"phase":"measure"}`
 * when measuring starts, then the result (latency of every response, per procedure, in ms).
 */
import { readFileSync } from "node:fs";
import autocannon, { type Request } from "autocannon";
import { type Fixture, type LoopContext, scenarioNamed } from "./scenarios.ts";

export interface LoadJob {
  urls: string[];
  scenario: string;
  connections: number;
  warmupSeconds: number;
  durationSeconds: number;
  fixture: Fixture;
}

export interface ProcedureTally {
  ok: number[];
  /** Responses by non-2xx status. */
  failed: Record<string, number>;
  /** A few distinct error bodies, for diagnosis. */
  samples: string[];
}

export interface LoadResult {
  scenario: string;
  seconds: number;
  /** Connection errors and timeouts (no HTTP response at all). */
  socketErrors: number;
  procedures: Record<string, ProcedureTally>;
}

const job = JSON.parse(readFileSync(process.argv[2]!, "utf8")) as LoadJob;
const scenario = scenarioNamed(job.scenario);

function requests(tallies: Record<string, ProcedureTally>, answered: { name: string; status: number }): Request[] {
  // Each run starts with every customer free: a run's end abandons the loops in flight.
  const free = job.fixture.accessTokens.map((_, index) => index);
  const last = scenario.steps.length - 1;
  return scenario.steps.map((step, index) => {
    let name = "";
    return {
      setupRequest(request, raw) {
        const context = raw as LoopContext;
        if (index === 0 && scenario.holdsCustomer) {
          if (free.length === 0) throw new Error("More connections than customers");
          context.customer = free.pop();
        }
        const call = step(job.fixture, context);
        name = call.name;
        return { ...request, method: call.method, path: call.path, headers: call.headers, body: call.body ?? "" };
      },
      onResponse(status, body, raw) {
        answered.name = name;
        answered.status = status;
        if (status >= 300) {
          const tally = tallyOf(tallies, name);
          if (tally.samples.length < 3 && !tally.samples.includes(body)) tally.samples.push(body.slice(0, 500));
        }
        const context = raw as LoopContext;
        if (index === last && context.customer !== undefined) free.push(context.customer);
      },
    };
  });
}

function tallyOf(tallies: Record<string, ProcedureTally>, name: string): ProcedureTally {
  tallies[name] ??= { ok: [], failed: {}, samples: [] };
  return tallies[name];
}

function drive(seconds: number): Promise<LoadResult> {
  const tallies: Record<string, ProcedureTally> = {};
  const answered = { name: "", status: 0 };
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: job.urls,
        connections: job.connections,
        duration: seconds,
        timeout: 30,
        requests: requests(tallies, answered),
      },
      (err, result) => {
        if (err) return reject(err);
        resolve({
          scenario: job.scenario,
          seconds: result.duration,
          socketErrors: result.errors + result.timeouts,
          procedures: tallies,
        });
      },
    );
    // autocannon calls the request's onResponse, then emits this for the same response.
    instance.on("response", (_client, status, _bytes, ms) => {
      const tally = tallyOf(tallies, answered.name);
      if (status < 300) tally.ok.push(ms);
      else tally.failed[status] = (tally.failed[status] ?? 0) + 1;
    });
  });
}

const warmup = await drive(job.warmupSeconds);
console.log(JSON.stringify({ phase: "warmup", result: warmup }));
console.log(JSON.stringify({ phase: "measure" }));
const measured = await drive(job.durationSeconds);
console.log(JSON.stringify({ phase: "result", result: measured }));
