import { returningRows, type Db } from '@cohesion/common';

export async function insertResetRequest(db: Db, email: string): Promise<void> {
  await db.query(`INSERT INTO password_reset_requests (email) VALUES ($1)`, [email]);
}

/** Takes (deletes) up to `limit` waiting requests, oldest first; SKIP LOCKED, so workers share them. */
export function takeResetRequests(db: Db, limit: number): Promise<{ email: string }[]> {
  return returningRows<{ email: string }>(
    db,
    `DELETE FROM password_reset_requests
      WHERE id IN (SELECT id FROM password_reset_requests ORDER BY created_at LIMIT $1 FOR UPDATE SKIP LOCKED)
      RETURNING email`,
    [limit],
  );
}
