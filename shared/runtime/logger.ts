import pino, { type Logger } from 'pino';

/** Structured JSON logs, one logger per service; LOG_LEVEL picks the level (default info, silent in tests). */
export function createLogger(service: string, env: Record<string, string | undefined> = process.env): Logger {
  const level = env.LOG_LEVEL ?? (env.NODE_ENV === 'test' || env.JEST_WORKER_ID ? 'silent' : 'info');
  return pino({
    name: service,
    level,
    base: { service },
    // Never log credentials or tokens, wherever they appear in a logged object.
    redact: {
      paths: [
        'password',
        '*.password',
        'token',
        '*.token',
        'authorization',
        '*.authorization',
        'headers.authorization',
        'codes',
        '*.codes',
      ],
      censor: '[redacted]',
    },
  });
}

export type { Logger };
