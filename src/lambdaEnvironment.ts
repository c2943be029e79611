import { createLogger, type Logger, type LogLevel } from './logging/logger.js';

/**
 * What every Lambda entry point reads from its environment, in one place: a setting the stack must
 * give (the function fails at start-up, loudly, without it) and the logger at LOG_LEVEL.
 */
export function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

export function functionLogger(service: string): Logger {
  return createLogger({ level: (process.env.LOG_LEVEL as LogLevel | undefined) ?? 'info', base: { service } });
}
