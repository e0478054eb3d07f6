import type { PGlite } from '@electric-sql/pglite';
import { sessionSetStatements } from '../session-settings.js';

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

const QUERY = 'Q'.charCodeAt(0);
const PARSE = 'P'.charCodeAt(0);

/**
 * Statements that change the session's settings for everyone sharing it (a `RESET ALL`
 * or `SET` typed into psql on the embedded port, or set_config()): SET LOCAL and SET
 * TRANSACTION end with their transaction, and are left alone.
 */
const CHANGES_SETTINGS =
  /(^|;)\s*(RESET|DISCARD|SET(?!\s+(LOCAL|TRANSACTION|SESSION\s+CHARACTERISTICS)\b))\b|\bset_config\s*\(/i;

/** The SQL text of a simple Query or a Parse message; undefined for any other message. */
function statementText(message: Uint8Array): string | undefined {
  if (message[0] !== QUERY && message[0] !== PARSE) return undefined;
  const body = new TextDecoder().decode(message.subarray(5));
  // Query: text\0. Parse: name\0 text\0 parameter types.
  const parts = body.split('\0');
  return message[0] === QUERY ? parts[0] : parts[1];
}

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
  /** A statement changed the shared session's settings; they are put back once its batch and transaction end. */
  private settingsChanged = false;

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

  /**
   * Puts the settings every connection relies on (the trigram threshold search filters
   * with, the plan cache mode) back after someone sharing the session changed them.
   */
  private async restoreSettings(): Promise<void> {
    this.settingsChanged = false;
    for (const statement of sessionSetStatements()) await this.db.exec(statement);
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
        const text = statementText(next.message);
        if (text !== undefined && CHANGES_SETTINGS.test(text)) this.settingsChanged = true;
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
        if (this.holder === null && this.settingsChanged) await this.restoreSettings();
      }
    } finally {
      this.draining = false;
    }
  }
}
