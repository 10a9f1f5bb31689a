import type { Logger } from 'pino';

/**
 * Runs a service's main: on failure it prints one line naming the cause and exits non-zero; SIGINT
 * and SIGTERM call the returned shutdown function once.
 */
export function runMain(logger: Logger, start: () => Promise<() => Promise<void>>): void {
  start()
    .then((shutdown) => {
      let stopping = false;
      const stop = (signal: string): void => {
        if (stopping) return;
        stopping = true;
        logger.info({ signal }, 'shutting down');
        shutdown()
          .then(() => process.exit(0))
          .catch((error: unknown) => {
            logger.error({ err: error }, 'shutdown failed');
            process.exit(1);
          });
      };
      process.on('SIGINT', () => stop('SIGINT'));
      process.on('SIGTERM', () => stop('SIGTERM'));
    })
    .catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      logger.fatal({ err: error instanceof Error && !isExpectedStartupError(error) ? error : undefined }, message);
      // pino writes synchronously to stdout by default, so the line is out before we exit.
      process.exit(1);
    });
}

const EXPECTED = new Set(['ConfigError', 'DatabaseUnavailableError', 'MigrationFailedError', 'PortInUseError']);
const isExpectedStartupError = (error: Error): boolean => EXPECTED.has(error.name);
