import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import type { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketHandler, type PGLiteSocketHandlerOptions } from '@electric-sql/pglite-socket';
import { SessionQueue } from './session-queue.js';

/**
 * Serves a PGlite database to `pg` clients on a loopback port. pglite-socket's handler
 * speaks the wire protocol of each connection; the SessionQueue decides whose messages
 * run on the one backend session.
 */
export class LoopbackServer {
  private readonly handlers = new Set<PGLiteSocketHandler>();
  private readonly queue: SessionQueue;
  private server: Server | undefined;

  constructor(
    db: PGlite,
    private readonly maxConnections: number,
  ) {
    this.queue = new SessionQueue(db);
  }

  async listen(port: number): Promise<number> {
    const server = createServer((socket) => this.accept(socket));
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    return (server.address() as AddressInfo).port;
  }

  private accept(socket: Socket): void {
    if (this.handlers.size >= this.maxConnections) {
      socket.destroy();
      return;
    }
    const handler = new PGLiteSocketHandler({
      // The handler only calls enqueue, clearQueueForHandler and clearTransactionIfNeeded.
      queryQueue: this.queue as unknown as PGLiteSocketHandlerOptions['queryQueue'],
      closeOnDetach: true,
    });
    this.handlers.add(handler);
    const forget = () => this.handlers.delete(handler);
    handler.addEventListener('close', forget);
    handler.addEventListener('error', forget);
    void handler.attach(socket);
  }

  /** Cuts every client connection, as a server restart would; new connections are served as before. */
  async dropConnections(): Promise<number> {
    const handlers = [...this.handlers];
    this.handlers.clear();
    await Promise.all(handlers.map((handler) => handler.detach(true)));
    return handlers.length;
  }

  async close(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    await Promise.all([...this.handlers].map((handler) => handler.detach(true)));
    this.handlers.clear();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
