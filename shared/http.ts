import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RequestListener } from 'node:http';

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
export function listen(handler: RequestListener, port: number, host: string, options: { maxHeaderSize?: number } = {}): Promise<RunningServer> {
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
