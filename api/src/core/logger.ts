import { pino } from "pino";

export const createLogger = (level: string) =>
  pino({ level, base: { service: "pratica-api" }, redact: ["req.headers.authorization", "req.headers.cookie"] });

export type Logger = ReturnType<typeof createLogger>;
