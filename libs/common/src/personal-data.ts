import type { Db } from './sql.js';

/**
 * One part of the copy of everything held about a person (their right of access): its
 * name in the document, and how the domain that owns the data reads it for one account.
 * Each domain lists its own parts; the export writes them one after another.
 */
export interface PersonalDataSection {
  name: string;
  read(db: Db, accountId: string): Promise<unknown>;
}

/**
 * How the domain that owns some of a person's data erases it when they delete their
 * account (their right to erasure): inside the caller's transaction, for one account id,
 * idempotent (a second run finds nothing left and changes nothing), returning how many rows
 * it changed. Rows other records point at are kept as anonymous tombstones, not deleted.
 * Each domain lists its own erasers; the app runs them one after another, the account last.
 */
export interface PersonalDataEraser {
  name: string;
  erase(db: Db, accountId: string): Promise<number>;
}
