// Structured JSON logs for operators.
import pino from "pino";

export function createLogger(level: string) {
  return pino({ level, base: { service: "vngov" } });
}

export type Logger = ReturnType<typeof createLogger>;
