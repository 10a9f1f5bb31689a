import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RequestListener } from 'node:http';
import type { ErrorRequestHandler } from 'express';
import type { Logger } from 'pino';
import { ErrorCode } from './errors';

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

export class PortInUseError extends Error {
  constructor(port: number, host: string) {
    super(`Port ${port} on ${host} is already in use`);
    this.name = 'PortInUseError';
  }
}

/** Listens on `port` (0 picks a free one) and resolves once bound; a taken port rejects with a clear error. */
export function listen(
  handler: RequestListener,
  port: number,
  host: string,
  options: { maxHeaderSize?: number } = {},
): Promise<RunningServer> {
  const server = http.createServer({ maxHeaderSize: options.maxHeaderSize }, handler);
  // Keep-alive sockets from the gateway's fetch would otherwise hold close() open.
  server.keepAliveTimeout = 5_000;
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(error.code === 'EADDRINUSE' ? new PortInUseError(port, host) : error);
    });
    server.listen(port, host, () => {
      const address = server.address() as AddressInfo;
      const shownHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
      resolve({
        url: `http://${shownHost}:${address.port}`,
        port: address.port,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}

/**
 * Express's last error handler for every service: malformed JSON and other body errors become a
 * coded 400, anything else a masked 500 that is logged with its detail. Never a stack trace.
 */
export function jsonErrorHandler(logger: Logger): ErrorRequestHandler {
  // Express recognises an error handler by its four parameters, so `_next` stays though it is unused.
  return (error: Error & { status?: number }, _req, res, _next) => {
    const status = error.status && error.status >= 400 && error.status < 500 ? error.status : 500;
    if (status === 500) logger.error({ err: error }, 'unhandled request error');
    res.status(status).json({
      errors: [
        {
          message: status === 500 ? 'Internal server error' : 'Malformed request',
          extensions: { code: status === 500 ? ErrorCode.INTERNAL_SERVER_ERROR : 'BAD_REQUEST' },
        },
      ],
    });
  };
}
