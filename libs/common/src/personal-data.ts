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
