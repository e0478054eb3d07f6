import { keysetPage, returningRows, SqlParams, type ConnectionShape, type Db, type KeysetSort } from '@cohesion/common';
import type { MembershipInvitationEntity } from './membership.entity.js';
import type { InvitationStatus } from './invitation.state-machine.js';

export type InvitationRow = MembershipInvitationEntity;

const INVITATION_COLUMNS = `v.id, v.organisation_id AS "organisationId", v.email, v.role, v.team,
  v.token_hash AS "tokenHash", v.status, v.expires_at AS "expiresAt", v.invited_by AS "invitedBy",
  v.accepted_by AS "acceptedBy", v.decided_at AS "decidedAt", v.created_at AS "createdAt"`;

export interface NewInvitation {
  organisationId: string;
  email: string;
  role: string | null;
  team: string | null;
  tokenHash: string;
  expiresAt: Date;
  invitedBy: string | null;
}

/**
 * A new invitation, replacing (revoking) an open one to the same address, so the newest
 * link is the one that works.
 */
export async function replaceInvitation(db: Db, invitation: NewInvitation): Promise<InvitationRow> {
  await db.query(
    `UPDATE membership_invitations SET status = 'REVOKED', decided_at = now()
      WHERE organisation_id = $1 AND email = $2 AND status = 'PENDING'`,
    [invitation.organisationId, invitation.email],
  );
  const [row] = await returningRows<InvitationRow>(
    db,
    `INSERT INTO membership_invitations AS v (organisation_id, email, role, team, token_hash, expires_at, invited_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${INVITATION_COLUMNS}`,
    [
      invitation.organisationId,
      invitation.email,
      invitation.role,
      invitation.team,
      invitation.tokenHash,
      invitation.expiresAt,
      invitation.invitedBy,
    ],
  );
  return row;
}

export async function lockInvitationByToken(db: Db, tokenHash: string): Promise<InvitationRow | undefined> {
  const rows = await db.query<InvitationRow[]>(
    `SELECT ${INVITATION_COLUMNS} FROM membership_invitations v WHERE v.token_hash = $1 FOR UPDATE`,
    [tokenHash],
  );
  return rows[0];
}

/** One invitation; locked for the caller's transaction when `lock`. */
export async function invitationById(db: Db, id: string, lock = false): Promise<InvitationRow | undefined> {
  const rows = await db.query<InvitationRow[]>(
    `SELECT ${INVITATION_COLUMNS} FROM membership_invitations v WHERE v.id = $1 ${lock ? 'FOR UPDATE' : ''}`,
    [id],
  );
  return rows[0];
}

export function lockInvitation(db: Db, id: string): Promise<InvitationRow | undefined> {
  return invitationById(db, id, true);
}

export function setInvitationStatus(
  db: Db,
  id: string,
  status: InvitationStatus,
  acceptedBy: string | null,
): Promise<unknown> {
  return db.query(
    `UPDATE membership_invitations SET status = $2, accepted_by = $3, decided_at = now() WHERE id = $1`,
    [id, status, acceptedBy],
  );
}

const NEWEST_FIRST: KeysetSort<InvitationRow> = {
  expressions: ['v.created_at', 'v.id'],
  parts: ['timestamp', 'uuid'],
  valuesOf: (row) => [row.createdAt.toISOString(), row.id],
  descending: true,
};

/** An organisation's invitations, newest first; open ones only unless `all`. */
export function invitationPage<T>(
  db: Db,
  organisationId: string,
  openOnly: boolean,
  page: { first: number; after?: string },
  toNode: (row: InvitationRow) => T,
): Promise<ConnectionShape<T>> {
  const params = new SqlParams();
  return keysetPage(db, {
    select: INVITATION_COLUMNS,
    from: 'membership_invitations v',
    where: `v.organisation_id = ${params.add(organisationId)}${openOnly ? ` AND v.status = 'PENDING' AND v.expires_at > now()` : ''}`,
    params,
    sort: NEWEST_FIRST,
    page,
    toNode,
  });
}
