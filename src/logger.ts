import { pino, type Logger } from 'pino';

export type { Logger };

/** Structured JSON logs on stderr-free stdout; secrets are redacted by key as a safety net. */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'newsgraph' },
      redact: { paths: ['password', '*.password', 'authorization', '*.authorization', 'params'], censor: '[redacted]' },
    },
    destination,
  );
}
