import { type DestinationStream, pino } from "pino";

/** JSON lines on stdout, or on `destination` (tests read them there). */
export const createLogger = (level: string, destination?: DestinationStream) =>
  pino(
    { level, base: { service: "pratica-api" }, redact: ["req.headers.authorization", "req.headers.cookie"] },
    destination,
  );

export type Logger = ReturnType<typeof createLogger>;
