import pg from 'pg';

/** Told of every error a pool or one of its connections raises outside a query (a lost server, a FATAL). */
export type ConnectionFaultListener = (error: Error, source: 'pool' | 'connection') => void;

/**
 * The `pg` module as TypeORM should load it: the same module, whose Pool listens for
 * errors on itself and on every connection from the moment the connection exists.
 *
 * A connection's socket can fail at any time (an operator's pg_terminate_backend, a
 * restart, a failover). `pg` emits that as an `error` event on the client, and an
 * `error` event nobody listens to ends the process. pg-pool listens only while a
 * connection is idle, and TypeORM only once its promise of a connection has resolved,
 * so a connection handed from one caller to the next has moments with no listener; a
 * FATAL arriving then crashed the API. Here nothing is left to timing: the listener is
 * attached when the pool makes the connection and stays for its whole life. The pool
 * removes a broken connection when its caller releases it; the caller's query fails
 * with a connection error, which the API reports as SERVICE_UNAVAILABLE.
 */
export function faultTolerantPg(onFault: ConnectionFaultListener): typeof pg {
  class FaultTolerantPool extends pg.Pool {
    constructor(config?: pg.PoolConfig) {
      super(config);
      this.on('error', (error) => onFault(error, 'pool'));
      this.on('connect', (client) => client.on('error', (error) => onFault(error, 'connection')));
    }
  }
  return Object.create(pg, { Pool: { value: FaultTolerantPool, enumerable: true } }) as typeof pg;
}
