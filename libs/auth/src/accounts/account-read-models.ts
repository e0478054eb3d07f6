/**
 * The accounts read model for SQL: other domains join accounts only through this, never
 * by naming the table. Columns they may rely on: id (also the practitioner's id) and email
 * (trimmed, lower-cased). Password hashes, session epochs and the rest are auth's alone.
 */
export const accountsSql = (alias: string): string => `accounts ${alias}`;

/**
 * Whether the account aliased `alias` (from `accountsSql`) may take part as a member, as SQL:
 * its address is verified and it is neither disabled nor suspended. The account's half of
 * the verified-member tier; the directory adds confirmed membership.
 */
export const accountActiveSql = (alias: string): string =>
  `(${alias}.email_verified_at IS NOT NULL AND ${alias}.disabled_at IS NULL)`;

/**
 * Scoped roles as `role_grants <alias>`: account_id, role ('ORG_ADMIN', 'GRANTS_OFFICER',
 * 'ADMIN'), organisation_id (null for ADMIN).
 */
export const roleGrantsSql = (alias: string): string => `role_grants ${alias}`;
