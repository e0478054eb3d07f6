import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  allows,
  enforce,
  type Policy,
  badInput,
  conflict,
  isUniqueViolation,
  type ConnectionShape,
  type Viewer,
} from '@cohesion/common';
import { NotificationsService, type Notice } from '@cohesion/notifications';
import { insertConnection } from '../connections/connection.queries.js';
import { NETWORK_POLICY } from '../network.policy.js';
import { INTRODUCTION_RULES } from '../network.rules.js';
import { practitionerOf } from '../shared/practitioner-of.js';
import type { RequestIntroductionInput, RespondToIntroductionInput } from './dto/introduction.inputs.js';
import type { MyIntroductionsArgs } from './dto/introduction.args.js';
import type { IntroductionStatus } from './introduction.entity.js';
import { expiredPeopleOf, peopleOf, roleOf, toIntroduction } from './introduction.mapper.js';
import { ConnectionOrigin } from '../connections/connection-origin.js';
import { IntroductionRole, type Introduction } from './introduction.model.js';
import { introductionLink, introductionNotices } from './introduction.notices.js';
import {
  closeOpenBetween,
  expireDue,
  expireLapsedBetween,
  insertIntroduction,
  introductionFacts,
  introductionsByIds,
  introductionsPage,
  lockIntroduction,
  lockPractitioners,
  moveIntroduction,
  type IntroductionRow,
  type PersonRow,
} from './introduction.queries.js';
import { nextStatus } from './introduction.state-machine.js';

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
      const requester = people.get(me) as PersonRow;
      const found = people.get(input.to);
      const broker = input.via ? people.get(input.via) : undefined;
      const facts = await introductionFacts(manager, me, input.to, input.via, rules);
      // Someone you may not see is indistinguishable from someone who does not exist.
      const asked = found && { discoverable: found.discoverable, blocked: facts.blocked };
      enforce(NETWORK_POLICY.requestIntroduction, viewer, {
        requester: { ...requester, blocked: false },
        target: asked,
      });
      const target = found as PersonRow;
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
      await expireLapsedBetween(manager, me, input.to);
      const status: IntroductionStatus = input.via ? 'PENDING_BROKER' : 'PENDING_TARGET';
      let row: IntroductionRow;
      try {
        row = await insertIntroduction(manager, {
          requesterId: me,
          targetId: input.to,
          brokerId: input.via ?? null,
          message: input.message,
          origin: input.via ? ConnectionOrigin.INTRODUCTION : (input.howWeMet ?? ConnectionOrigin.INTRODUCTION),
          status,
          expiresAfterDays: rules.expiresAfterDays,
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw conflict(`There is already an open request between you and ${target.name}`);
        throw error;
      }
      const named = peopleOf(requester, target, broker);
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
      const named = peopleOf(
        people.get(row.requesterId) as PersonRow,
        people.get(row.targetId) as PersonRow,
        row.brokerId ? people.get(row.brokerId) : undefined,
      );
      const notices: Notice[] = [];
      let updated: IntroductionRow;
      if (next === 'PENDING_TARGET') {
        await this.assertCanReachTarget(manager, viewer, row, people.get(row.targetId) as PersonRow);
        updated = await moveIntroduction(manager, row.id, next, {
          broker_note: note,
          broker_responded_at: 'now()',
          reached_target_at: 'now()',
        });
        notices.push(
          introductionNotices.askedToConnect(row.id, named, row.message, note),
          introductionNotices.passedOn(row.id, named),
        );
      } else if (next === 'ACCEPTED') {
        updated = await moveIntroduction(manager, row.id, next, { response_note: note, closed_at: 'now()' });
        await insertConnection(manager, row.requesterId, row.targetId, row.origin);
        notices.push(...introductionNotices.connected(row.id, named));
      } else {
        const who = role === IntroductionRole.BROKER ? 'broker' : 'response';
        updated = await moveIntroduction(manager, row.id, next, {
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
      const updated = await moveIntroduction(manager, row.id, next, { closed_at: 'now()' });
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
    return introductionsPage(this.dataSource, me, args, args, (row) =>
      toIntroduction(row, roleOf(row, me) as IntroductionRole),
    );
  }

  /** Introductions by id, as the viewer (one of their people) sees them. */
  async visibleByIds(viewer: Viewer, ids: readonly string[]): Promise<Introduction[]> {
    if (!viewer.practitionerId) return [];
    const me = viewer.practitionerId;
    const rows = await introductionsByIds(this.dataSource, ids, me);
    return rows.map((row) => toIntroduction(row, roleOf(row, me) as IntroductionRole));
  }

  /**
   * Ends the open requests that involve both people when one blocks the other: withdrawn
   * if the blocker asked, otherwise declined (which the person who asked sees as "not
   * accepted"). Nobody is notified.
   */
  async closeBetween(manager: EntityManager, blocker: string, blocked: string): Promise<number> {
    return closeOpenBetween(manager, blocker, blocked);
  }

  /** Lapses up to `limit` unanswered requests past their time and tells the people who asked; returns how many. */
  async expireDue(limit = 100): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const rows = await expireDue(manager, limit);
      await this.notifications.queue(
        manager,
        rows.map((row) => introductionNotices.expired(row.id, expiredPeopleOf(row))),
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
    const row = await lockIntroduction(manager, id, me);
    const role = row ? roleOf(row, me) : null;
    enforce(policy, viewer, { role });
    return { row: row as IntroductionRow, role: role as IntroductionRole };
  }

  /** Before a broker passes a request on: the person asked must still be there for the requester and the broker, and under their cap. */
  private async assertCanReachTarget(
    manager: EntityManager,
    viewer: Viewer,
    row: IntroductionRow,
    target: PersonRow,
  ): Promise<void> {
    const facts = await introductionFacts(
      manager,
      row.requesterId,
      row.targetId,
      row.brokerId ?? undefined,
      INTRODUCTION_RULES,
    );
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
}

/** Locks the people an introduction involves (in id order, so two requests never wait on each other). */
async function lockPeople(manager: EntityManager, ids: (string | undefined)[]): Promise<Map<string, PersonRow>> {
  const present = [...new Set(ids.filter((id): id is string => Boolean(id)))];
  const rows = await lockPractitioners(manager, present);
  return new Map(rows.map((row) => [row.id, row]));
}
