import { loggableQueryError } from "@shopwright/db";
import { LOG_REDACT_PATHS } from "@shopwright/jobs";
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
      // The fields @shopwright/jobs names as secrets, which the admin's job list masks too.
      redact: { paths: [...LOG_REDACT_PATHS], remove: true },
      // A failed query's error carries its parameters (a customer's email and address among them).
      serializers: { err: (error: Error) => loggableQueryError(error) ?? pino.stdSerializers.err(error) },
    },
    destination,
  );
}

export type AppLogger = ReturnType<typeof createLogger>;
