/**
 * The shop's server as a child process, started one way for every caller that needs real
 * processes: the crash-recovery test, the e2e harness, the bench and the scaled-out topology.
 * A process keeps its output for a failure's message; readiness is /readyz answering, waited for
 * while watching that the process has not died; a stop is SIGTERM, then SIGKILL if it hangs.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

export const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));

export interface Proc {
  name: string;
  child: ChildProcess;
  output: string[];
}

/** Starts `command` from the repository's root with `env` over this process's, its output kept. */
export function spawnProcess(name: string, command: string, args: string[], env: Record<string, string>): Proc {
  const child = spawn(command, args, {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output: string[] = [];
  child.stdout!.on("data", (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => output.push(chunk.toString()));
  return { name, child, output };
}

export const hasExited = (proc: Proc) => proc.child.exitCode !== null || proc.child.signalCode !== null;

export const exited = (proc: Proc) =>
  hasExited(proc)
    ? Promise.resolve(proc.child.exitCode)
    : new Promise<number | null>((done) => proc.child.once("exit", (code) => done(code)));

/** The last lines a process wrote: what a failure is explained by. */
export const recentOutput = (proc: Proc, lines = 200) => proc.output.join("").split("\n").slice(-lines).join("\n");

/**
 * Polls until `check` holds; a process of `watch` that exits meanwhile fails the wait with its
 * output, as does the timeout.
 */
export async function until(what: string, check: () => Promise<boolean>, watch: Proc[] = [], timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const dead = watch.find(hasExited);
    if (dead) throw new Error(`${dead.name} exited while waiting for ${what}:\n${recentOutput(dead)}`);
    if (await check().catch(() => false)) return;
    if (Date.now() > deadline)
      throw new Error(
        `timed out waiting for ${what}\n${watch.map((p) => `--- ${p.name}\n${recentOutput(p)}`).join("\n")}`,
      );
    await new Promise((wake) => setTimeout(wake, 100));
  }
}

export const ready = (url: string) => fetch(`${url}/readyz`).then((r) => r.ok);

/** SIGTERM for a graceful stop, SIGKILL after `graceMs` if it hangs. */
export async function stopProcess(proc: Proc, graceMs = 15_000): Promise<void> {
  if (hasExited(proc)) return;
  const done = exited(proc);
  proc.child.kill("SIGTERM");
  const timer = setTimeout(() => proc.child.kill("SIGKILL"), graceMs);
  await done;
  clearTimeout(timer);
}

export interface ServerOptions {
  name?: string;
  port: number;
  /** `dist`: the compiled dist/main.js, as `pnpm start` runs it; `source`: src/main.ts through tsx. */
  build: "dist" | "source";
  env: Record<string, string>;
  /** Node flags before the entry, e.g. `--cpu-prof`. */
  nodeArgs?: string[];
  readyTimeoutMs?: number;
}

export interface ServerProcess extends Proc {
  url: string;
}

/** The shop's server on 127.0.0.1:`port`, once /readyz answers; stopped again if it never does. */
export async function startServer(options: ServerOptions): Promise<ServerProcess> {
  const url = `http://127.0.0.1:${options.port}`;
  const entry =
    options.build === "dist"
      ? ["--enable-source-maps", "apps/server/dist/main.js"]
      : ["--import", "tsx", "apps/server/src/main.ts"];
  const proc = spawnProcess(options.name ?? "server", process.execPath, [...(options.nodeArgs ?? []), ...entry], {
    HOST: "127.0.0.1",
    PORT: String(options.port),
    ...options.env,
  });
  try {
    await until(`${url}/readyz`, () => ready(url), [proc], options.readyTimeoutMs ?? 120_000);
  } catch (error) {
    await stopProcess(proc);
    throw error;
  }
  return { ...proc, url };
}
