import { createConnection, createServer, type AddressInfo, type Server, type Socket } from 'node:net';

/**
 * A TCP relay between the application and its test database, so a test can take the
 * database away (new connections refused, open ones cut, as when a server goes down)
 * and bring it back, on the embedded database and a real server alike.
 */
export interface DatabaseProxy {
  /** The database's URL, through the relay. */
  url: string;
  /** Refuses new connections and cuts every open one. */
  down(): Promise<void>;
  /** Serves connections again. */
  up(): Promise<void>;
  close(): Promise<void>;
}

export async function startDatabaseProxy(targetUrl: string): Promise<DatabaseProxy> {
  const target = new URL(targetUrl);
  const sockets = new Set<Socket>();
  let server: Server | undefined;
  let port = 0;

  const listen = async (): Promise<void> => {
    const relay = createServer((client) => {
      const upstream = createConnection({ host: target.hostname, port: Number(target.port || 5432) });
      for (const socket of [client, upstream]) {
        sockets.add(socket);
        socket.on('close', () => sockets.delete(socket));
        socket.on('error', () => undefined);
      }
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve, reject) => {
      relay.once('error', reject);
      relay.listen(port, '127.0.0.1', () => resolve());
    });
    port = (relay.address() as AddressInfo).port;
    server = relay;
  };

  const down = async (): Promise<void> => {
    const relay = server;
    server = undefined;
    for (const socket of sockets) socket.destroy();
    if (relay) await new Promise<void>((resolve) => relay.close(() => resolve()));
  };

  await listen();
  const url = new URL(targetUrl);
  url.hostname = '127.0.0.1';
  url.port = String(port);
  return {
    url: url.toString(),
    down,
    up: async () => {
      if (!server) await listen();
    },
    close: down,
  };
}
