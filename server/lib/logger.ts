import { pino, type Logger } from 'pino';

export type { Logger };

/** One structured logger per process; child loggers carry request ids and job ids. */
export function createLogger(level: string, name = 'touchpoint'): Logger {
  return pino({
    name,
    level,
    redact: { paths: ['req.headers.cookie', 'req.headers.authorization', 'password', '*.password'], censor: '[redacted]' },
  });
}
