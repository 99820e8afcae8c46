/**
 * A stand-in for the shop's /trpc endpoint, speaking tRPC's HTTP wire format (batched or not,
 * superjson-encoded), so component tests run the app's real client, links and query cache.
 */
import superjson from "superjson";

export const FAKE_ORIGIN = "http://shop.test";

const HTTP_STATUS = { BAD_REQUEST: 400, UNAUTHORIZED: 401, NOT_FOUND: 404, CONFLICT: 409 } as const;
type ErrorCode = keyof typeof HTTP_STATUS;

/** Thrown by a handler to answer with a tRPC error. */
export class FakeError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues: { path: string[]; message: string }[] | null = null,
  ) {
    super(message);
  }
}

export interface Call {
  path: string;
  input: unknown;
  headers: Headers;
}

// biome-ignore lint/suspicious/noExplicitAny: each handler reads the input its procedure takes
type Handler = (input: any, call: Call) => unknown;

export function createFakeServer() {
  const handlers = new Map<string, Handler>();
  const calls: Call[] = [];

  async function answer(path: string, input: unknown, headers: Headers) {
    const call = { path, input, headers };
    calls.push(call);
    const handler = handlers.get(path);
    try {
      if (!handler) throw new FakeError("NOT_FOUND", `No procedure ${path}`);
      return { status: 200, body: { result: { data: superjson.serialize(await handler(input, call)) } } };
    } catch (error) {
      if (!(error instanceof FakeError)) throw error;
      const httpStatus = HTTP_STATUS[error.code];
      const shape = {
        message: error.message,
        code: -32600,
        data: { code: error.code, httpStatus, path, issues: error.issues },
      };
      return { status: httpStatus, body: { error: superjson.serialize(shape) } };
    }
  }

  const fetch = async (url: URL | RequestInfo, init?: RequestInit): Promise<Response> => {
    const target = new URL(String(url));
    const paths = target.pathname.replace(/^\/trpc\//, "").split(",");
    const batched = target.searchParams.get("batch") === "1";
    const raw =
      init?.method === "POST"
        ? JSON.parse(String(init.body ?? "null"))
        : JSON.parse(target.searchParams.get("input") ?? "null");
    const headers = new Headers(init?.headers);
    const inputs = paths.map((_, i) => {
      const encoded = batched ? raw?.[i] : raw;
      return encoded === undefined || encoded === null ? undefined : superjson.deserialize(encoded);
    });
    const answers = await Promise.all(paths.map((path, i) => answer(path, inputs[i], headers)));
    const body = batched ? answers.map((a) => a.body) : answers[0]!.body;
    const status = answers.every((a) => a.status === answers[0]!.status) ? answers[0]!.status : 207;
    return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
  };

  return {
    fetch,
    calls,
    on(path: string, handler: Handler) {
      handlers.set(path, handler);
    },
    callsTo(path: string) {
      return calls.filter((call) => call.path === path);
    },
    reset() {
      handlers.clear();
      calls.length = 0;
    },
  };
}
