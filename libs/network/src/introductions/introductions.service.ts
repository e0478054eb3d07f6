import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  allOf,
  allows,
  enforce,
  type Policy,
  badInput,
  conflict,
  isUniqueViolation,
  keysetPage,
  returningRows,
  SqlParams,
  type ConnectionShape,
  type KeysetSort,
  type Viewer,
} from '@cohesion/common';
import { practitionersSql } from '@cohesion/directory';
import { NotificationsService, type Notice } from '@cohesion/notifications';
import { connectedSql } from '../connections/connection.queries.js';
import { NETWORK_POLICY } from '../network.policy.js';
import { INTRODUCTION_RULES } from '../network.rules.js';
import { practitionerOf } from '../shared/practitioner-of.js';
import type { RequestIntroductionInput, RespondToIntroductionInput } from './dto/introduction.inputs.js';
import type { MyIntroductionsArgs } from './dto/introduction.args.js';
import type { IntroductionStatus } from './introduction.entity.js';
import { roleOf, toIntroduction, type IntroductionRow } from './introduction.mapper.js';
import { ConnectionOrigin, IntroductionRole, type Introduction } from './introduction.model.js';
import { introductionLink, introductionNotices, type People } from './introduction.notices.js';
import { nextStatus } from './introduction.state-machine.js';

const PENDING_SQL = `('PENDING_BROKER', 'PENDING_TARGET')`;

/** Columns of alias `i`, with an unanswered request past its time read as EXPIRED (the sweep may not have run yet). */
const COLUMNS = `
  i.id, i.requester_id AS "requesterId", i.target_id AS "targetId", i.broker_id AS "brokerId", i.message, i.origin,
  CASE WHEN i.status IN ${PENDING_SQL} AND i.expires_at <= now() THEN 'EXPIRED' ELSE i.status END AS status,
  i.broker_note AS "brokerNote", i.response_note AS "responseNote", i.created_at AS "createdAt",
  i.expires_at AS "expiresAt",
  CASE WHEN i.status IN ${PENDING_SQL} AND i.expires_at <= now() THEN i.expires_at ELSE i.closed_at END AS "closedAt",
  i.reached_target_at AS "reachedTargetAt", i.created_at::text AS "createdAtKey"`;

const SORT: KeysetSort<IntroductionRow> = {
  expressions: ['i.created_at', 'i.id'],
  parts: ['timestamp', 'uuid'],
  valuesOf: (row) => [row.createdAtKey, row.id],
  descending: true,
};

interface Person {
  id: string;
  name: string;
  jobTitle: string | null;
  discoverable: boolean;
  openToIntroductions: boolean;
  monthlyCap: number;
}

/** Which introductions a practitioner (SQL expression) is part of and may see. */
const partOfSql = NETWORK_POLICY.seeIntroductions.sql;

/**
 * Introductions: double opt-in requests to connect, directly or brokered through a
 * mutual connection. Every rule that protects people from misuse is checked inside the
 * transaction that writes, with the people involved locked, so concurrent requests
 * cannot get past a limit together.
 */
@Injectable()
export class IntroductionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly notifications: NotificationsService,
  ) {}

  async request(viewer: Viewer, input: RequestIntroductionInput): Promise<Introduction> {
    const me = practitionerOf(viewer);
    if (input.to === me) throw badInput('input.to', 'is you');
    if (input.via !== undefined && [me, input.to].includes(input.via)) {
      throw badInput('input.via', 'must be someone else you both know');
    }
    if (input.via !== undefined && input.howWeMet !== undefined && input.howWeMet !== ConnectionOrigin.INTRODUCTION) {
      throw badInput('input.howWeMet', 'is only for a direct request');
    }
    const rules = INTRODUCTION_RULES;
    return this.dataSource.transaction(async (manager) => {
      const people = await lockPeople(manager, [me, input.to, input.via]);
      const requester = people.get(me) as Person;
      const found = people.get(input.to);
      const broker = input.via ? people.get(input.via) : undefined;
      const facts = await this.facts(manager, me, input.to, input.via);
      // Someone you may not see is indistinguishable from someone who does not exist.
      const asked = found && { discoverable: found.discoverable, blocked: facts.blocked };
      enforce(NETWORK_POLICY.requestIntroduction, viewer, {
        requester: { ...requester, blocked: false },
        target: asked,
      });
      const target = found as Person;
      if (facts.connected) throw conflict(`You are already connected with ${target.name}`);
      // The broker must be someone both may see: discoverable here, blocks are part of viaConnectsBoth.
      const brokerFacts = broker && { discoverable: broker.discoverable, blocked: false };
      if (input.via && (!allows(NETWORK_POLICY.seePeer, viewer, brokerFacts) || !facts.viaConnectsBoth)) {
        throw badInput('input.via', 'is not connected to both of you');
      }
      enforce(NETWORK_POLICY.askPerson, viewer, target);
      if (facts.openBetween) throw conflict(`There is already an open request between you and ${target.name}`);
      if (facts.cooldownUntil) {
        throw conflict(`You can ask ${target.name} again from ${facts.cooldownUntil.toISOString().slice(0, 10)}`);
      }
      if (facts.pending >= rules.maxPendingPerRequester) {
        throw conflict(
          `You already have ${rules.maxPendingPerRequester} requests waiting for an answer; withdraw one or wait`,
        );
      }
      if (facts.reachedTarget >= target.monthlyCap) {
        throw conflict(`${target.name} is not taking more introductions this month`);
      }

      // A lapsed request the sweep has not reached yet still holds the pair's unique index: close it first.
      await manager.query(
        `UPDATE introductions SET status = 'EXPIRED', closed_at = expires_at, version = version + 1
          WHERE LEAST(requester_id, target_id) = LEAST($1::uuid, $2::uuid)
            AND GREATEST(requester_id, target_id) = GREATEST($1::uuid, $2::uuid)
            AND status IN ${PENDING_SQL} AND expires_at <= now()`,
        [me, input.to],
      );
      const status: IntroductionStatus = input.via ? 'PENDING_BROKER' : 'PENDING_TARGET';
      let row: IntroductionRow;
      try {
        [row] = await manager.query<IntroductionRow[]>(
          `INSERT INTO introductions AS i (requester_id, target_id, broker_id, message, origin, status, expires_at, reached_target_at)
           VALUES ($1, $2, $3, $4, $5, $6::varchar, now() + make_interval(days => $7),
                   CASE WHEN $6::varchar = 'PENDING_TARGET' THEN now() END)
           RETURNING ${COLUMNS}`,
          [
            me,
            input.to,
            input.via ?? null,
            input.message,
            input.via ? ConnectionOrigin.INTRODUCTION : (input.howWeMet ?? ConnectionOrigin.INTRODUCTION),
            status,
            rules.expiresAfterDays,
          ],
        );
      } catch (error) {
        if (isUniqueViolation(error)) throw conflict(`There is already an open request between you and ${target.name}`);
        throw error;
      }
      const named = namesOf(requester, target, broker);
      // Held for the withdraw window: asking and withdrawing at once reaches nobody.
      await this.notifications.queue(manager, [
        {
          ...(input.via
            ? introductionNotices.askedToBroker(row.id, named, input.message)
            : introductionNotices.askedToConnect(row.id, named, input.message, null)),
          withdrawable: true,
        },
      ]);
      return toIntroduction(row, IntroductionRole.REQUESTER);
    });
  }

  async respond(viewer: Viewer, input: RespondToIntroductionInput): Promise<Introduction> {
    practitionerOf(viewer);
    return this.dataSource.transaction(async (manager) => {
      const { row, role } = await this.lockIntroduction(
        manager,
        viewer,
        input.id,
        NETWORK_POLICY.respondToIntroduction,
      );
      const next = nextStatus(row.status, input.accept ? 'ACCEPT' : 'DECLINE', role);
      const note = input.note || null;
      const people = await lockPeople(manager, [row.requesterId, row.targetId, row.brokerId ?? undefined]);
      const named = namesOf(
        people.get(row.requesterId) as Person,
        people.get(row.targetId) as Person,
        row.brokerId ? people.get(row.brokerId) : undefined,
      );
      const notices: Notice[] = [];
      let updated: IntroductionRow;
      if (next === 'PENDING_TARGET') {
        await this.assertCanReachTarget(manager, viewer, row, people.get(row.targetId) as Person);
        updated = await update(manager, row.id, next, {
          broker_note: note,
          broker_responded_at: 'now()',
          reached_target_at: 'now()',
        });
        notices.push(
          introductionNotices.askedToConnect(row.id, named, row.message, note),
          introductionNotices.passedOn(row.id, named),
        );
      } else if (next === 'ACCEPTED') {
        updated = await update(manager, row.id, next, { response_note: note, closed_at: 'now()' });
        await manager.query(
          `INSERT INTO connections (practitioner_a_id, practitioner_b_id, origin)
           VALUES (LEAST($1::uuid, $2::uuid), GREATEST($1::uuid, $2::uuid), $3)
           ON CONFLICT ON CONSTRAINT uq_connections_pair DO NOTHING`,
          [row.requesterId, row.targetId, row.origin],
        );
        notices.push(...introductionNotices.connected(row.id, named));
      } else {
        const who = role === IntroductionRole.BROKER ? 'broker' : 'response';
        updated = await update(manager, row.id, next, {
          [`${who}_note`]: note,
          ...(role === IntroductionRole.BROKER ? { broker_responded_at: 'now()' } : {}),
          declined_by: role === IntroductionRole.BROKER ? 'BROKER' : 'TARGET',
          closed_at: 'now()',
        });
        notices.push(introductionNotices.notAccepted(row.id, named));
      }
      await this.notifications.queue(manager, notices);
      return toIntroduction(updated, role);
    });
  }

  async withdraw(viewer: Viewer, introductionId: string): Promise<Introduction> {
    practitionerOf(viewer);
    return this.dataSource.transaction(async (manager) => {
      const { row, role } = await this.lockIntroduction(
        manager,
        viewer,
        introductionId,
        NETWORK_POLICY.withdrawIntroduction,
      );
      const next = nextStatus(row.status, 'WITHDRAW', role);
      const updated = await update(manager, row.id, next, { closed_at: 'now()' });
      // Withdrawn within the window: the person asked (or the broker) never hears of it.
      await this.notifications.cancelHeld(
        manager,
        introductionLink(row.id),
        [row.targetId, row.brokerId].filter((id): id is string => id !== null),
      );
      return toIntroduction(updated, role);
    });
  }

  async list(viewer: Viewer, args: MyIntroductionsArgs): Promise<ConnectionShape<Introduction>> {
    const me = practitionerOf(viewer);
    const params = new SqlParams();
    const meParam = `${params.add(me)}::uuid`;
    const status = `CASE WHEN i.status IN ${PENDING_SQL} AND i.expires_at <= now() THEN 'EXPIRED' ELSE i.status END`;
    const seenAs = `CASE WHEN i.requester_id = ${meParam} AND ${status} = 'DECLINED' THEN 'NOT_ACCEPTED' ELSE ${status} END`;
    return keysetPage(this.dataSource, {
      select: COLUMNS,
      from: 'introductions i',
      where: allOf([partOfSql(meParam, args.role), args.status && `${seenAs} = ${params.add(args.status)}`]),
      params,
      sort: SORT,
      page: args,
      toNode: (row: IntroductionRow) => toIntroduction(row, roleOf(row, me) as IntroductionRole),
    });
  }

  /** Introductions by id, as the viewer (one of their people) sees them. */
  async visibleByIds(viewer: Viewer, ids: readonly string[]): Promise<Introduction[]> {
    if (!viewer.practitionerId) return [];
    const rows = await this.dataSource.query<IntroductionRow[]>(
      `SELECT ${COLUMNS} FROM introductions i WHERE i.id = ANY($1::uuid[]) AND ${partOfSql('$2::uuid')}`,
      [ids, viewer.practitionerId],
    );
    return rows.map((row) => toIntroduction(row, roleOf(row, viewer.practitionerId as string) as IntroductionRole));
  }

  /**
   * Ends the open requests that involve both people when one blocks the other: withdrawn
   * if the blocker asked, otherwise declined (which the person who asked sees as "not
   * accepted"). Nobody is notified.
   */
  async closeBetween(manager: EntityManager, blocker: string, blocked: string): Promise<number> {
    const rows = await returningRows<{ id: string }>(
      manager,
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

  /** Lapses up to `limit` unanswered requests past their time and tells the people who asked; returns how many. */
  async expireDue(limit = 100): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const rows = await manager.query<{ id: string; requesterId: string; targetId: string; targetName: string }[]>(
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
      await this.notifications.queue(
        manager,
        rows.map((row) =>
          introductionNotices.expired(row.id, {
            requester: { id: row.requesterId, name: '', jobTitle: null },
            target: { id: row.targetId, name: row.targetName },
          }),
        ),
      );
      return rows.length;
    });
  }

  /** The introduction, locked, with the viewer's part in it; NOT_FOUND when they have none (or it has not reached them). */
  private async lockIntroduction(
    manager: EntityManager,
    viewer: Viewer,
    id: string,
    policy: Policy<{ role: string | null }>,
  ): Promise<{ row: IntroductionRow; role: IntroductionRole }> {
    const me = practitionerOf(viewer);
    const [row] = await manager.query<IntroductionRow[]>(
      `SELECT ${COLUMNS} FROM introductions i WHERE i.id = $1 AND ${partOfSql('$2::uuid')} FOR UPDATE`,
      [id, me],
    );
    const role = row ? roleOf(row, me) : null;
    enforce(policy, viewer, { role });
    return { row, role: role as IntroductionRole };
  }

  /** Before a broker passes a request on: the person asked must still be there for the requester and the broker, and under their cap. */
  private async assertCanReachTarget(
    manager: EntityManager,
    viewer: Viewer,
    row: IntroductionRow,
    target: Person,
  ): Promise<void> {
    const facts = await this.facts(manager, row.requesterId, row.targetId, row.brokerId ?? undefined);
    const stillThere =
      allows(NETWORK_POLICY.seePeer, viewer, { discoverable: target.discoverable, blocked: facts.blocked }) &&
      allows(NETWORK_POLICY.askPerson, viewer, target);
    if (!stillThere || !facts.viaConnectsBoth) {
      throw conflict(`${target.name} cannot be asked now`);
    }
    if (facts.connected) throw conflict('They are already connected');
    if (facts.reachedTarget >= target.monthlyCap) {
      throw conflict(`${target.name} is not taking more introductions this month`);
    }
  }

  /** Everything the rules need about a requester, a target and perhaps a broker, in one query. */
  private async facts(manager: EntityManager, me: string, to: string, via: string | undefined) {
    const rules = INTRODUCTION_RULES;
    const [row] = await manager.query<
      {
        blocked: boolean;
        connected: boolean;
        viaConnectsBoth: boolean;
        openBetween: boolean;
        cooldownUntil: Date | null;
        pending: number;
        reachedTarget: number;
      }[]
    >(
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
}

/** Locks the people an introduction involves (in id order, so two requests never wait on each other). */
async function lockPeople(manager: EntityManager, ids: (string | undefined)[]): Promise<Map<string, Person>> {
  const present = [...new Set(ids.filter((id): id is string => Boolean(id)))];
  const rows = await manager.query<Person[]>(
    `SELECT p.id, p.full_name AS name, p.job_title AS "jobTitle", p.discoverable,
            p.open_to_introductions AS "openToIntroductions", p.introductions_monthly_cap AS "monthlyCap"
       FROM ${practitionersSql('p')} WHERE p.id = ANY($1::uuid[]) ORDER BY p.id FOR NO KEY UPDATE`,
    [present],
  );
  return new Map(rows.map((row) => [row.id, row]));
}

function namesOf(requester: Person, target: Person, broker: Person | undefined): People {
  return {
    requester: { id: requester.id, name: requester.name, jobTitle: requester.jobTitle },
    target: { id: target.id, name: target.name },
    broker: broker ? { id: broker.id, name: broker.name } : null,
  };
}

/** Moves an introduction to `status`, setting the given columns (`'now()'` for the current time). */
async function update(
  manager: EntityManager,
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
    manager,
    `UPDATE introductions i SET status = $2, version = i.version + 1, ${sets.join(', ')}
      WHERE i.id = $1 RETURNING ${COLUMNS}`,
    params,
  );
  return row;
}
