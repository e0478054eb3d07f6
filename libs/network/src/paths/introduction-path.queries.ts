import type { Db } from '@cohesion/common';
import { DIRECTORY_POLICY, practitionersSql } from '@cohesion/directory';
import { neighboursSql } from '../connections/connection.queries.js';
import { NETWORK_POLICY } from '../network.policy.js';

/** Whether practitioner alias `alias` can be found: people who cannot are never stepped through. */
const discoverable = DIRECTORY_POLICY.seePractitioner.discoverableSql;

/** Whether practitioner `id` (an SQL expression) can be stepped through: there is no such person who cannot be found. */
const steppableSql = (id: string): string =>
  `NOT EXISTS (SELECT 1 FROM ${practitionersSql('u')} WHERE u.id = ${id} AND NOT ${discoverable('u')})`;

/** The people connected to `f.id`. */
const NEIGHBOURS_OF_F = neighboursSql('f.id');

/** What a search starts from (`pathStart`). */
export interface PathStartRow {
  /** Whether the target can be found; null when there is no such practitioner. */
  discoverable: boolean | null;
  /** Everyone blocked by or blocking the viewer. */
  hidden: string[];
}

export async function pathStart(db: Db, me: string, target: string): Promise<PathStartRow> {
  const [row] = await db.query<PathStartRow[]>(
    `SELECT (SELECT ${discoverable('p')} FROM ${practitionersSql('p')} WHERE p.id = $2) AS discoverable,
            ARRAY(${NETWORK_POLICY.seePeer.blockedPeopleSql('$1')}) AS hidden`,
    [me, target],
  );
  return row;
}

/** One connection out of a frontier (`stepsFrom`). */
export interface StepRow {
  from: string;
  to: string;
}

/** Each connection of the given people to someone discoverable. */
export function stepsFrom(db: Db, ids: string[]): Promise<StepRow[]> {
  return db.query<StepRow[]>(
    `SELECT f.id AS "from", n.id AS "to"
       FROM unnest($1::uuid[]) AS f(id)
       CROSS JOIN LATERAL (${NEIGHBOURS_OF_F}) n
      WHERE ${steppableSql('n.id')}`,
    [ids],
  );
}

/**
 * Where one side's frontier meets the other's (`meetingOf`): `from` on our frontier
 * steps to `meet`, which is on theirs (`theirs` null) or one step from `theirs` on theirs.
 */
export interface MeetingRow {
  /** 1 or 2. */
  steps: number;
  from: string;
  meet: string;
  theirs: string | null;
}

/**
 * The first meeting in one step from `ours` onto `theirs` (never through `hidden`), or
 * else, when `steps` is 2, onto someone discoverable one step from `theirs`; nearest,
 * then smallest ids, first.
 */
export async function meetingOf(
  db: Db,
  ours: string[],
  theirs: string[],
  hidden: string[],
  steps: number,
): Promise<MeetingRow | undefined> {
  const [meeting] = await db.query<MeetingRow[]>(
    `WITH ours AS MATERIALIZED (
       SELECT f.id AS via, n.id FROM unnest($1::uuid[]) AS f(id) CROSS JOIN LATERAL (${NEIGHBOURS_OF_F}) n
        WHERE n.id <> ALL ($3::uuid[])),
     theirs AS MATERIALIZED (
       SELECT f.id AS via, n.id FROM unnest($2::uuid[]) AS f(id) CROSS JOIN LATERAL (${NEIGHBOURS_OF_F}) n
        WHERE $4::int = 2)
     SELECT 1 AS steps, o.via AS "from", o.id AS meet, NULL::uuid AS theirs FROM ours o WHERE o.id = ANY ($2::uuid[])
     UNION ALL
     SELECT 2, o.via, o.id, t.via FROM ours o JOIN theirs t ON t.id = o.id
      WHERE ${steppableSql('o.id')}
     ORDER BY 1, 2, 3, 4
     LIMIT 1`,
    [ours, theirs, hidden, steps],
  );
  return meeting;
}

/**
 * The people connected to both `me` and `target` whom `me` may step through (discoverable,
 * not in `hidden`): everyone who could pass a request on, by id, at most `limit`.
 */
export async function mutualConnections(
  db: Db,
  me: string,
  target: string,
  hidden: string[],
  limit: number,
): Promise<string[]> {
  const rows = await db.query<{ id: string }[]>(
    `SELECT n.id
       FROM (SELECT $1::uuid AS id) f CROSS JOIN LATERAL (${NEIGHBOURS_OF_F}) n
      WHERE n.id IN (SELECT t.id FROM (SELECT $2::uuid AS id) f CROSS JOIN LATERAL (${NEIGHBOURS_OF_F}) t)
        AND n.id <> ALL ($3::uuid[])
        AND ${steppableSql('n.id')}
      ORDER BY n.id
      LIMIT $4`,
    [me, target, hidden, limit],
  );
  return rows.map((row) => row.id);
}
