import pino from 'pino';

export type Logger = pino.Logger;

/** JSON logs, one line per event; `pnpm dev` pipes them through pino-pretty. */
export function createLogger(level: string): Logger {
  return pino({ level, base: { service: 'switchboard' } });
}
