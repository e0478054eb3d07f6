import type { PGlite } from '@electric-sql/pglite';

interface Pending {
  connection: number;
  message: Uint8Array;
  onData: (data: Uint8Array) => void;
  resolve: (bytes: number) => void;
  reject: (error: unknown) => void;
}

/**
 * Frontend messages after which the backend answers ReadyForQuery: a Sync ends an
 * extended-protocol batch (Parse/Bind/Describe/Execute...), a simple Query is its own
 * batch, Terminate ends the connection, and a startup message (no type byte: its first
 * byte is the high byte of its length, 0) ends the handshake.
 */
const ENDS_BATCH = new Set(['S'.charCodeAt(0), 'Q'.charCodeAt(0), 'X'.charCodeAt(0), 0]);

/**
 * Shares PGlite's one session among many client connections. Messages run one at a
 * time, in arrival order, except that a connection holds the session from the first
 * message of a batch until the batch ends, and for as long as it has a transaction
 * open: another connection's messages wait rather than run in between (they would
 * replace the unnamed statement and portal the first is using, or run inside its
 * transaction). pglite-socket's own queue pins connections during transactions only
 * (electric-sql/pglite#1046), which corrupts concurrent parameterised queries.
 */
export class SessionQueue {
  private readonly waiting: Pending[] = [];
  /** The connection holding the session, or null when any may go next. */
  private holder: number | null = null;
  private draining = false;

  constructor(private readonly db: PGlite) {}

  enqueue(connection: number, message: Uint8Array, onData: (data: Uint8Array) => void): Promise<number> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ connection, message, onData, resolve, reject });
      void this.drain();
    });
  }

  getQueueLength(): number {
    return this.waiting.length;
  }

  /** Drops what a departing connection left waiting. */
  clearQueueForHandler(connection: number): void {
    for (let index = this.waiting.length - 1; index >= 0; index--) {
      if (this.waiting[index].connection === connection) {
        this.waiting[index].reject(new Error('Connection closed'));
        this.waiting.splice(index, 1);
      }
    }
  }

  /** A connection that leaves while holding the session gives it up, rolling back its transaction. */
  async clearTransactionIfNeeded(connection: number): Promise<void> {
    if (this.holder !== connection) return;
    if (this.db.isInTransaction()) await this.db.exec('ROLLBACK');
    this.holder = null;
    void this.drain();
  }

  private async drain(): Promise<void> {
    if (this.draining) return;
    this.draining = true;
    try {
      for (;;) {
        const index =
          this.holder === null ? 0 : this.waiting.findIndex((pending) => pending.connection === this.holder);
        // Empty, or the holder's next message has not arrived yet: wait for it.
        if (index < 0 || index >= this.waiting.length) return;
        const [next] = this.waiting.splice(index, 1);
        let bytes = 0;
        try {
          await this.db.runExclusive(() =>
            this.db.execProtocolRawStream(next.message, {
              onRawData: (data) => {
                bytes += data.length;
                next.onData(data);
              },
            }),
          );
          next.resolve(bytes);
        } catch (error) {
          next.reject(error);
        }
        const batchOpen = !ENDS_BATCH.has(next.message[0]);
        this.holder = batchOpen || this.db.isInTransaction() ? next.connection : null;
      }
    } finally {
      this.draining = false;
    }
  }
}
