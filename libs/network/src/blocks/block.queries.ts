import { returningRows, type Db } from '@cohesion/common';
import { practitionersSql } from '@cohesion/directory';
import { NETWORK_POLICY } from '../network.policy.js';

/** Whether practitioner `blocker` may block `practitionerId` (`NETWORK_POLICY.block`): false for an id that does not exist. */
export async function isBlockable(db: Db, practitionerId: string, blocker: string): Promise<boolean> {
  const rows = await db.query<unknown[]>(
    `SELECT 1 FROM ${practitionersSql('p')} WHERE p.id = $1 AND ${NETWORK_POLICY.block.sql('p', '$2::uuid')}`,
    [practitionerId, blocker],
  );
  return rows.length > 0;
}

/** `blocker` blocks `blocked`; nothing if they already had. */
export async function insertBlock(db: Db, blocker: string, blocked: string): Promise<void> {
  await db.query(
    `INSERT INTO practitioner_blocks (blocker_id, blocked_id) VALUES ($1, $2)
     ON CONFLICT (blocker_id, blocked_id) DO NOTHING`,
    [blocker, blocked],
  );
}

/** Lifts `blocker`'s block on `blocked`; whether there was one. */
export async function deleteBlock(db: Db, blocker: string, blocked: string): Promise<boolean> {
  const rows = await returningRows<{ blocked_id: string }>(
    db,
    'DELETE FROM practitioner_blocks WHERE blocker_id = $1 AND blocked_id = $2 RETURNING blocked_id',
    [blocker, blocked],
  );
  return rows.length > 0;
}

/** Someone a practitioner blocked, with when (`blocksBy`). */
export interface BlockedRow {
  id: string;
  fullName: string;
  blockedAt: Date;
}

/** Everyone `blocker` blocked, most recent first. */
export function blocksBy(db: Db, blocker: string): Promise<BlockedRow[]> {
  return db.query<BlockedRow[]>(
    `SELECT p.id, p.full_name AS "fullName", b.created_at AS "blockedAt"
       FROM practitioner_blocks b JOIN ${practitionersSql('p')} ON p.id = b.blocked_id
      WHERE b.blocker_id = $1 ORDER BY b.created_at DESC`,
    [blocker],
  );
}

/** Every block practitioner `me` placed or was placed under; how many. */
export async function deleteBlocksInvolving(db: Db, me: string): Promise<number> {
  const rows = await returningRows<{ blocked_id: string }>(
    db,
    'DELETE FROM practitioner_blocks WHERE blocker_id = $1 OR blocked_id = $1 RETURNING blocked_id',
    [me],
  );
  return rows.length;
}
