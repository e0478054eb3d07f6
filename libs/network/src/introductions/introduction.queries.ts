import { DIRECTORY_POLICY } from '@cohesion/directory';
import {
  allOf,
  keysetPage,
  returningRows,
  SqlParams,
  type ConnectionShape,
  type Db,
  type KeysetSort,
} from '@cohesion/common';
import { practitionersSql } from '@cohesion/directory';
import { connectedSql } from '../connections/connection.queries.js';
import { NETWORK_POLICY } from '../network.policy.js';
import type { INTRODUCTION_RULES } from '../network.rules.js';
import type { IntroductionStatus } from './introduction.entity.js';
import type { ConnectionOrigin } from '../connections/connection-origin.js';
import type { IntroductionRole, IntroductionStatusView } from './introduction.model.js';

const PENDING_SQL = `('PENDING_BROKER', 'PENDING_TARGET')`;

/** Which introductions a practitioner (SQL expression) is part of and may see. */
const partOfSql = NETWORK_POLICY.seeIntroductions.sql;

/** An introduction as loaded (`INTRODUCTION_COLUMNS`), with `status` already EXPIRED when its time has passed unanswered. */
export interface IntroductionRow {
  id: string;
  requesterId: string;
  targetId: string;
  brokerId: string | null;
  message: string;
  origin: ConnectionOrigin;
  status: IntroductionStatus;
  brokerNote: string | null;
  responseNote: string | null;
  createdAt: Date;
  expiresAt: Date;
  closedAt: Date | null;
  reachedTargetAt: Date | null;
  /** created_at as text, with microseconds, for cursors. */
  createdAtKey: string;
}

/** Selects an `IntroductionRow` from alias `i`, with an unanswered request past its time read as EXPIRED (the sweep may not have run yet). */
const INTRODUCTION_COLUMNS = `
  i.id, i.requester_id AS "requesterId", i.target_id AS "targetId", i.broker_id AS "brokerId", i.message, i.origin,
  CASE WHEN i.status IN ${PENDING_SQL} AND i.expires_at <= now() THEN 'EXPIRED' ELSE i.status END AS status,
  i.broker_note AS "brokerNote", i.response_note AS "responseNote", i.created_at AS "createdAt",
  i.expires_at AS "expiresAt",
  CASE WHEN i.status IN ${PENDING_SQL} AND i.expires_at <= now() THEN i.expires_at ELSE i.closed_at END AS "closedAt",
  i.reached_target_at AS "reachedTargetAt", i.created_at::text AS "createdAtKey"`;

const INTRODUCTION_SORT: KeysetSort<IntroductionRow> = {
  expressions: ['i.created_at', 'i.id'],
  parts: ['timestamp', 'uuid'],
  valuesOf: (row) => [row.createdAtKey, row.id],
  descending: true,
};

/** A practitioner an introduction involves, as its rules and notices need them (`lockPractitioners`). */
export interface PersonRow {
  id: string;
  name: string;
  jobTitle: string | null;
  discoverable: boolean;
  openToIntroductions: boolean;
  monthlyCap: number;
}

/** The given practitioners, locked in id order (so two requests never wait on each other). */
export function lockPractitioners(db: Db, ids: string[]): Promise<PersonRow[]> {
  return db.query<PersonRow[]>(
    `SELECT p.id, p.full_name AS name, p.job_title AS "jobTitle",
            ${DIRECTORY_POLICY.seePractitioner.discoverableSql('p')} AS discoverable,
            p.open_to_introductions AS "openToIntroductions", p.introductions_monthly_cap AS "monthlyCap"
       FROM ${practitionersSql('p')} WHERE p.id = ANY($1::uuid[]) ORDER BY p.id FOR NO KEY UPDATE`,
    [ids],
  );
}

/** What the rules know about a requester (`$1`), a target (`$2`) and perhaps a broker (`$3`), in one statement. */
export interface IntroductionFactsRow {
  /** Whether either of requester and target has blocked the other. */
  blocked: boolean;
  connected: boolean;
  /** Whether the broker is connected to both, and neither blocked them nor they either. */
  viaConnectsBoth: boolean;
  /** Whether a request between the two (either way) is waiting for an answer. */
  openBetween: boolean;
  /** Until when the requester may not ask the target again, if they may not now. */
  cooldownUntil: Date | null;
  /** The requester's requests waiting for an answer. */
  pending: number;
  /** Requests that reached the target in the cap's window. */
  reachedTarget: number;
}

type FactRules = Pick<typeof INTRODUCTION_RULES, 'declineCooldownDays' | 'capWindowDays' | 'withdrawCooldownDays'>;

export async function introductionFacts(
  db: Db,
  me: string,
  to: string,
  via: string | undefined,
  rules: FactRules,
): Promise<IntroductionFactsRow> {
  const [row] = await db.query<IntroductionFactsRow[]>(
    `SELECT ${NETWORK_POLICY.seePeer.blockedSql('$1::uuid', '$2::uuid')} AS blocked,
            ${connectedSql('$1::uuid', '$2::uuid')} AS connected,
            ($3::uuid IS NOT NULL
              AND ${connectedSql('$1::uuid', '$3::uuid')} AND ${connectedSql('$3::uuid', '$2::uuid')}
              AND NOT ${NETWORK_POLICY.seePeer.blockedSql('$1::uuid', '$3::uuid')} AND NOT ${NETWORK_POLICY.seePeer.blockedSql('$3::uuid', '$2::uuid')}) AS "viaConnectsBoth",
            EXISTS (SELECT 1 FROM introductions
                     WHERE LEAST(requester_id, target_id) = LEAST($1::uuid, $2::uuid)
                       AND GREATEST(requester_id, target_id) = GREATEST($1::uuid, $2::uuid)
                       AND status IN ${PENDING_SQL} AND expires_at > now()) AS "openBetween",
            (SELECT max(closed_at + make_interval(days => CASE WHEN status = 'WITHDRAWN' THEN $6::int ELSE $4::int END))
               FROM introductions
              WHERE requester_id = $1 AND target_id = $2
                AND (status = 'WITHDRAWN' OR (status = 'DECLINED' AND declined_by = 'TARGET'))
             HAVING max(closed_at + make_interval(days => CASE WHEN status = 'WITHDRAWN' THEN $6::int ELSE $4::int END)) > now())
              AS "cooldownUntil",
            (SELECT count(*)::int FROM introductions
              WHERE requester_id = $1 AND status IN ${PENDING_SQL} AND expires_at > now()) AS pending,
            (SELECT count(*)::int FROM introductions
              WHERE target_id = $2 AND reached_target_at > now() - make_interval(days => $5)
                AND status <> 'WITHDRAWN') AS "reachedTarget"`,
    [me, to, via ?? null, rules.declineCooldownDays, rules.capWindowDays, rules.withdrawCooldownDays],
  );
  return row;
}

/** Closes a lapsed request between the two (either way) that the sweep has not reached yet: it still holds the pair's unique index. */
export async function expireLapsedBetween(db: Db, one: string, other: string): Promise<void> {
  await db.query(
    `UPDATE introductions SET status = 'EXPIRED', closed_at = expires_at, version = version + 1
      WHERE LEAST(requester_id, target_id) = LEAST($1::uuid, $2::uuid)
        AND GREATEST(requester_id, target_id) = GREATEST($1::uuid, $2::uuid)
        AND status IN ${PENDING_SQL} AND expires_at <= now()`,
    [one, other],
  );
}

export type NewIntroduction = Pick<
  IntroductionRow,
  'requesterId' | 'targetId' | 'brokerId' | 'message' | 'origin' | 'status'
> & { expiresAfterDays: number };

/** A new request, lapsing after `expiresAfterDays`; it has reached the target when it goes straight to them. */
export async function insertIntroduction(db: Db, introduction: NewIntroduction): Promise<IntroductionRow> {
  const [row] = await db.query<IntroductionRow[]>(
    `INSERT INTO introductions AS i (requester_id, target_id, broker_id, message, origin, status, expires_at, reached_target_at)
     VALUES ($1, $2, $3, $4, $5, $6::varchar, now() + make_interval(days => $7),
             CASE WHEN $6::varchar = 'PENDING_TARGET' THEN now() END)
     RETURNING ${INTRODUCTION_COLUMNS}`,
    [
      introduction.requesterId,
      introduction.targetId,
      introduction.brokerId,
      introduction.message,
      introduction.origin,
      introduction.status,
      introduction.expiresAfterDays,
    ],
  );
  return row;
}

/** The introduction, locked (FOR UPDATE), if practitioner `me` is part of it and may see it. */
export async function lockIntroduction(db: Db, id: string, me: string): Promise<IntroductionRow | undefined> {
  const [row] = await db.query<IntroductionRow[]>(
    `SELECT ${INTRODUCTION_COLUMNS} FROM introductions i WHERE i.id = $1 AND ${partOfSql('$2::uuid')} FOR UPDATE`,
    [id, me],
  );
  return row;
}

/** Introductions by id that practitioner `me` is part of and may see. */
export function introductionsByIds(db: Db, ids: readonly string[], me: string): Promise<IntroductionRow[]> {
  return db.query<IntroductionRow[]>(
    `SELECT ${INTRODUCTION_COLUMNS} FROM introductions i WHERE i.id = ANY($1::uuid[]) AND ${partOfSql('$2::uuid')}`,
    [ids, me],
  );
}

/** A page of practitioner `me`'s introductions, newest first: in one role or any, in one state as they see it or any. */
export function introductionsPage<T>(
  db: Db,
  me: string,
  filter: { role?: IntroductionRole; status?: IntroductionStatusView },
  page: { first: number; after?: string },
  toNode: (row: IntroductionRow) => T,
): Promise<ConnectionShape<T>> {
  const params = new SqlParams();
  const meParam = `${params.add(me)}::uuid`;
  const status = `CASE WHEN i.status IN ${PENDING_SQL} AND i.expires_at <= now() THEN 'EXPIRED' ELSE i.status END`;
  const seenAs = `CASE WHEN i.requester_id = ${meParam} AND ${status} = 'DECLINED' THEN 'NOT_ACCEPTED' ELSE ${status} END`;
  return keysetPage(db, {
    select: INTRODUCTION_COLUMNS,
    from: 'introductions i',
    where: allOf([partOfSql(meParam, filter.role), filter.status && `${seenAs} = ${params.add(filter.status)}`]),
    params,
    sort: INTRODUCTION_SORT,
    page,
    toNode,
  });
}

/**
 * Moves an introduction to `status`, setting the given columns (`'now()'` for the
 * current time); the introduction as it is now.
 */
export async function moveIntroduction(
  db: Db,
  id: string,
  status: IntroductionStatus,
  columns: Record<string, string | null>,
): Promise<IntroductionRow> {
  const params: unknown[] = [id, status];
  const sets = Object.entries(columns).map(([column, value]) => {
    if (value === 'now()') return `${column} = now()`;
    params.push(value);
    return `${column} = $${params.length}`;
  });
  const [row] = await returningRows<IntroductionRow>(
    db,
    `UPDATE introductions i SET status = $2, version = i.version + 1, ${sets.join(', ')}
      WHERE i.id = $1 RETURNING ${INTRODUCTION_COLUMNS}`,
    params,
  );
  return row;
}

/**
 * Ends the open requests that involve both people: withdrawn if `blocker` asked,
 * otherwise declined (by whichever part `blocker` had); how many.
 */
export async function closeOpenBetween(db: Db, blocker: string, blocked: string): Promise<number> {
  const rows = await returningRows<{ id: string }>(
    db,
    `UPDATE introductions
        SET status = CASE WHEN requester_id = $1 THEN 'WITHDRAWN' ELSE 'DECLINED' END,
            declined_by = CASE WHEN requester_id = $1 THEN NULL WHEN target_id = $1 THEN 'TARGET' ELSE 'BROKER' END,
            closed_at = now(), version = version + 1
      WHERE status IN ${PENDING_SQL}
        AND $1 IN (requester_id, target_id, broker_id) AND $2 IN (requester_id, target_id, broker_id)
      RETURNING id`,
    [blocker, blocked],
  );
  return rows.length;
}

/** A request the sweep lapsed, with the name of the person asked (`expireDue`). */
export interface ExpiredIntroductionRow {
  id: string;
  requesterId: string;
  targetId: string;
  targetName: string;
}

/** Lapses up to `limit` unanswered requests past their time, oldest first, skipping any locked. */
export function expireDue(db: Db, limit: number): Promise<ExpiredIntroductionRow[]> {
  return db.query<ExpiredIntroductionRow[]>(
    `WITH due AS (
       UPDATE introductions i SET status = 'EXPIRED', closed_at = i.expires_at, version = i.version + 1
        WHERE i.id IN (SELECT id FROM introductions
                        WHERE status IN ${PENDING_SQL} AND expires_at <= now()
                        ORDER BY expires_at LIMIT $1 FOR UPDATE SKIP LOCKED)
        RETURNING i.id, i.requester_id, i.target_id)
     SELECT due.id, due.requester_id AS "requesterId", due.target_id AS "targetId", t.full_name AS "targetName"
       FROM due JOIN ${practitionersSql('t')} ON t.id = due.target_id`,
    [limit],
  );
}

/**
 * An introduction with the names of its people (`introductionsOf`): a name is null where the
 * app shows no one, for someone `me` may not see (undiscoverable, or blocked either way).
 */
export interface NamedIntroductionRow extends IntroductionRow {
  requesterName: string | null;
  targetName: string | null;
  brokerName: string | null;
}

/** `alias`'s name, as practitioner `$1` may see it. */
function nameSeenBy(alias: string): string {
  return `CASE WHEN ${alias}.id = $1::uuid OR ${NETWORK_POLICY.seePeer.sql(alias, '$1::uuid')} THEN ${alias}.full_name END`;
}

/** Every introduction practitioner `me` is part of and may see, oldest first (their own data, for a copy of it). */
export function introductionsOf(db: Db, me: string): Promise<NamedIntroductionRow[]> {
  return db.query<NamedIntroductionRow[]>(
    `SELECT ${INTRODUCTION_COLUMNS}, ${nameSeenBy('r')} AS "requesterName", ${nameSeenBy('t')} AS "targetName",
            ${nameSeenBy('br')} AS "brokerName"
       FROM introductions i
       JOIN ${practitionersSql('r')} ON r.id = i.requester_id
       JOIN ${practitionersSql('t')} ON t.id = i.target_id
       LEFT JOIN ${practitionersSql('br')} ON br.id = i.broker_id
      WHERE ${partOfSql('$1')} ORDER BY i.created_at, i.id`,
    [me],
  );
}
