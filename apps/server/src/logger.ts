import pino from "pino";

/**
 * JSON logs on stdout (or `destination`, which tests read); each request and job logs through a
 * child carrying its request id.
 */
export function createLogger(level: string, destination?: pino.DestinationStream) {
  return pino(
    {
      level,
      base: { service: "shopwright" },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: ["req.headers.authorization", "req.headers.cookie", "password", "*.password"], remove: true },
    },
    destination,
  );
}

export type AppLogger = ReturnType<typeof createLogger>;
