import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  allows,
  AuditService,
  badInput,
  conflict,
  enforce,
  isUniqueViolation,
  notFound,
  toGlobalId,
  type Viewer,
} from '@cohesion/common';
import { RoleGrantsService } from '@cohesion/auth';
import { NotificationsService } from '@cohesion/notifications';
import type { ProposePartnershipInput } from './dto/partnership.inputs.js';
import { PARTNERSHIP_RULES } from '../network.rules.js';
import type { PartnershipEntity } from './partnership.entity.js';
import { partnershipSnapshot, toPartnership } from './partnership.mapper.js';
import { PartnershipKind, type Partnership } from './partnership.model.js';
import {
  confirmPartnership,
  deletePartnership,
  insertPartnership,
  insertProposal,
  lockOrganisations,
  lockPartnership,
  lockProposer,
  organisationNames,
  partnershipById,
  partnershipsByIds,
  partnershipsOfOrganisations,
  proposalLimits,
  type NewPartnership,
} from './partnership.queries.js';
import { NETWORK_POLICY } from '../network.policy.js';

const ENTITY_TYPE = 'OrganisationPartnership';

/**
 * Links between organisations (partners with, member of). An admin of one side
 * proposes, an admin of the other confirms; either side's admins may end it. Every
 * change is audited, in the same transaction.
 */
@Injectable()
export class PartnershipsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly roles: RoleGrantsService,
    private readonly notifications: NotificationsService,
  ) {}

  async propose(viewer: Viewer, input: ProposePartnershipInput): Promise<Partnership> {
    enforce(NETWORK_POLICY.proposePartnership, viewer, input);
    if (input.organisationId === input.partnerId) throw badInput('input.partnerId', 'must be another organisation');
    const proposer = viewer.accountId as string;
    return this.dataSource.transaction(async (manager) => {
      const names = await namesOf(manager, [input.organisationId, input.partnerId]);
      if (!names.has(input.partnerId)) throw notFound('That organisation');
      await assertMayPropose(manager, proposer, input.organisationId, input.partnerId);
      const proposal: NewPartnership = {
        organisationId: input.organisationId,
        partnerId: input.partnerId,
        kind: input.kind,
        proposedBy: proposer,
      };
      let id: string;
      try {
        id = await insertPartnership(manager, proposal);
      } catch (error) {
        if (isUniqueViolation(error))
          throw conflict('These organisations are already linked that way (or asked to be)');
        throw error;
      }
      await insertProposal(manager, proposal);
      const saved = await partnershipById(manager, id);
      await this.audit.record(manager, viewer, {
        entityType: ENTITY_TYPE,
        entityId: saved.id,
        action: 'propose',
        before: null,
        after: partnershipSnapshot(saved),
      });
      const proposing = names.get(input.organisationId) as string;
      const partner = names.get(input.partnerId) as string;
      const relation =
        input.kind === PartnershipKind.MEMBER_OF ? `is a member of ${partner}` : `partners with ${partner}`;
      await this.notifications.queue(
        manager,
        (await this.roles.adminsOf(manager, input.partnerId)).map((recipientId) => ({
          recipientId,
          kind: 'PARTNERSHIP_PROPOSED',
          subject: `${proposing} asks to be shown as linked with ${partner}`,
          body: `${proposing} would like the network to show that it ${relation}. As an admin of ${partner}, confirm it or turn it down.`,
          link: `/organisations/${toGlobalId('Organisation', input.partnerId)}/partnerships`,
          // It comes from the person proposing: nobody who blocked them (or whom they blocked) hears of it.
          about: [proposer],
        })),
      );
      return toPartnership(saved);
    });
  }

  async confirm(viewer: Viewer, id: string): Promise<Partnership> {
    return this.dataSource.transaction(async (manager) => {
      const entity = await this.lock(manager, viewer, id);
      const otherSide =
        entity.proposedByOrganisationId === entity.organisationId ? entity.partnerId : entity.organisationId;
      enforce(NETWORK_POLICY.confirmPartnership, viewer, { otherSide });
      if (entity.confirmedAt) throw conflict('This partnership is already confirmed');
      const before = partnershipSnapshot(entity);
      await confirmPartnership(manager, id, viewer.accountId);
      const saved = await partnershipById(manager, id);
      await this.audit.record(manager, viewer, {
        entityType: ENTITY_TYPE,
        entityId: id,
        action: 'confirm',
        before,
        after: partnershipSnapshot(saved),
      });
      return toPartnership(saved);
    });
  }

  /** Ends a partnership (or turns down a proposal); either side's admins may. */
  async end(viewer: Viewer, id: string): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const entity = await this.lock(manager, viewer, id);
      await deletePartnership(manager, id);
      await this.audit.record(manager, viewer, {
        entityType: ENTITY_TYPE,
        entityId: id,
        action: 'end',
        before: partnershipSnapshot(entity),
        after: null,
      });
      return true;
    });
  }

  /**
   * An organisation's partnerships: confirmed ones for anyone who may see the
   * organisation, proposals too for its admins.
   */
  async of(viewer: Viewer, organisationIds: readonly string[]): Promise<Map<string, Partnership[]>> {
    const rows = await partnershipsOfOrganisations(this.dataSource.manager, organisationIds);
    const byOrganisation = new Map<string, Partnership[]>(organisationIds.map((id) => [id, []]));
    for (const row of rows) {
      for (const side of [row.organisationId, row.partnerId]) {
        const list = byOrganisation.get(side);
        if (!list) continue;
        if (mayBeSeen(viewer, row)) list.push(toPartnership(row));
      }
    }
    return byOrganisation;
  }

  /** Partnerships by id: confirmed ones for anyone, proposals for the admins of either side. */
  async visibleByIds(viewer: Viewer, ids: readonly string[]): Promise<Partnership[]> {
    if (ids.length === 0) return [];
    const rows = await partnershipsByIds(this.dataSource.manager, ids);
    return rows.filter((row) => mayBeSeen(viewer, row)).map(toPartnership);
  }

  /** The partnership, locked, if the viewer runs either side (NOT_FOUND otherwise: it may be unconfirmed). */
  private async lock(manager: EntityManager, viewer: Viewer, id: string): Promise<PartnershipEntity> {
    const entity = await lockPartnership(manager, id);
    enforce(NETWORK_POLICY.managePartnership, viewer, entity);
    return entity as PartnershipEntity;
  }
}

function mayBeSeen(viewer: Viewer, row: PartnershipEntity): boolean {
  return allows(NETWORK_POLICY.seePartnership, viewer, { ...row, confirmed: row.confirmedAt !== null });
}

async function namesOf(manager: EntityManager, ids: string[]): Promise<Map<string, string>> {
  const rows = await organisationNames(manager, ids);
  return new Map(rows.map((row) => [row.id, row.name]));
}

/**
 * The limits on proposing, checked with the pair of organisations and the proposer
 * locked (so concurrent proposals cannot pass a limit together): two organisations are
 * asked about a link at most once in PARTNERSHIP_RULES.pairCooldownDays, whichever of
 * them proposes, and one person makes at most maxProposalsPerDay proposals a day.
 */
async function assertMayPropose(
  manager: EntityManager,
  proposer: string,
  organisationId: string,
  partnerId: string,
): Promise<void> {
  const rules = PARTNERSHIP_RULES;
  await lockOrganisations(manager, [organisationId, partnerId]);
  await lockProposer(manager, proposer);
  const row = await proposalLimits(manager, proposer, organisationId, partnerId, rules.pairCooldownDays);
  if (row.today >= rules.maxProposalsPerDay) {
    throw conflict(`You have made ${rules.maxProposalsPerDay} partnership proposals today; try again tomorrow`);
  }
  if (row.pairAgainFrom) {
    throw conflict(
      `These organisations were asked about a link recently; ask again from ${row.pairAgainFrom.toISOString().slice(0, 10)}`,
    );
  }
}
