/**
 * The accounts read model for SQL: other domains join accounts only through this, never
 * by naming the table. Columns they may rely on: id (also the practitioner's id) and email
 * (trimmed, lower-cased). Password hashes, session epochs and the rest are auth's alone.
 */
export const accountsSql = (alias: string): string => `accounts ${alias}`;
