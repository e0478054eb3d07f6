import type { EntityManager } from 'typeorm';
import type { Db } from '@cohesion/common';
import { organisationsSql } from '@cohesion/directory';
import { PartnershipProposalEntity } from './partnership-proposal.entity.js';
import { PartnershipEntity, type PartnershipKind } from './partnership.entity.js';

/** An organisation's name (`organisationNames`). */
export interface OrganisationNameRow {
  id: string;
  name: string;
}

/** The names of those of the given organisations that exist. */
export function organisationNames(db: Db, ids: string[]): Promise<OrganisationNameRow[]> {
  return db.query<OrganisationNameRow[]>(
    `SELECT o.id, o.name FROM ${organisationsSql('o')} WHERE o.id = ANY($1::uuid[])`,
    [ids],
  );
}

/** Locks the given organisations' rows (in id order), so proposals between them queue. */
export async function lockOrganisations(db: Db, ids: string[]): Promise<void> {
  await db.query(
    `SELECT o.id FROM ${organisationsSql('o')} WHERE o.id = ANY($1::uuid[]) ORDER BY o.id FOR NO KEY UPDATE`,
    [ids],
  );
}

/** Holds, until the transaction ends, the lock on the proposals of one account. */
export async function lockProposer(db: Db, proposer: string): Promise<void> {
  await db.query(`SELECT pg_advisory_xact_lock(hashtextextended('partnership-proposer:' || $1, 0))`, [proposer]);
}

/** How the limits on proposing stand (`proposalLimits`). */
export interface ProposalLimitsRow {
  /** When the two organisations may be asked about a link again, if not now. */
  pairAgainFrom: Date | null;
  /** Proposals the account made in the last day. */
  today: number;
}

export async function proposalLimits(
  db: Db,
  proposer: string,
  organisationId: string,
  partnerId: string,
  pairCooldownDays: number,
): Promise<ProposalLimitsRow> {
  const [row] = await db.query<ProposalLimitsRow[]>(
    `SELECT (SELECT max(created_at) + make_interval(days => $4) FROM partnership_proposals
              WHERE (organisation_id = $2 AND partner_id = $3) OR (organisation_id = $3 AND partner_id = $2)
             HAVING max(created_at) + make_interval(days => $4) > now()) AS "pairAgainFrom",
            (SELECT count(*)::int FROM partnership_proposals
              WHERE proposed_by = $1 AND created_at > now() - interval '1 day') AS today`,
    [proposer, organisationId, partnerId, pairCooldownDays],
  );
  return row;
}

export interface NewPartnership {
  organisationId: string;
  partnerId: string;
  kind: PartnershipKind;
  /** The account proposing it, on behalf of `organisationId`. */
  proposedBy: string;
}

/** A new, unconfirmed partnership proposed by `organisationId`; its id. */
export async function insertPartnership(manager: EntityManager, partnership: NewPartnership): Promise<string> {
  const entity = manager.create(PartnershipEntity, {
    organisationId: partnership.organisationId,
    partnerId: partnership.partnerId,
    kind: partnership.kind,
    proposedByOrganisationId: partnership.organisationId,
    proposedBy: partnership.proposedBy,
  });
  await manager.insert(PartnershipEntity, entity);
  return entity.id;
}

/** The record of a proposal, kept for the limits on proposing. */
export async function insertProposal(manager: EntityManager, partnership: NewPartnership): Promise<void> {
  await manager.insert(PartnershipProposalEntity, {
    organisationId: partnership.organisationId,
    partnerId: partnership.partnerId,
    proposedBy: partnership.proposedBy,
  });
}

export function partnershipById(manager: EntityManager, id: string): Promise<PartnershipEntity> {
  return manager.findOneByOrFail(PartnershipEntity, { id });
}

/** The partnership, locked (FOR UPDATE), if there is one. */
export function lockPartnership(manager: EntityManager, id: string): Promise<PartnershipEntity | null> {
  return manager.findOne(PartnershipEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
}

/** Confirmed now, by `accountId`. */
export async function confirmPartnership(manager: EntityManager, id: string, accountId: string | null): Promise<void> {
  await manager.update(PartnershipEntity, { id }, { confirmedAt: new Date(), confirmedBy: accountId });
}

export async function deletePartnership(manager: EntityManager, id: string): Promise<void> {
  await manager.delete(PartnershipEntity, { id });
}

/** Every partnership (or proposal) either side of which is one of the organisations, oldest first. */
export function partnershipsOfOrganisations(
  manager: EntityManager,
  organisationIds: readonly string[],
): Promise<PartnershipEntity[]> {
  return manager
    .getRepository(PartnershipEntity)
    .createQueryBuilder('x')
    .where('(x.organisation_id = ANY(:ids) OR x.partner_id = ANY(:ids))', { ids: organisationIds })
    .orderBy('x.created_at', 'ASC')
    .getMany();
}

export function partnershipsByIds(manager: EntityManager, ids: readonly string[]): Promise<PartnershipEntity[]> {
  return manager.getRepository(PartnershipEntity).createQueryBuilder('x').where('x.id = ANY(:ids)', { ids }).getMany();
}

/** A partnership someone proposed (`proposalsBy`). */
export interface ProposalDataRow {
  organisationName: string;
  partnerName: string;
  proposedAt: Date;
}

/** The partnership proposals `proposer` made that still stand, oldest first (their own data, for a copy of it). */
export function proposalsBy(db: Db, proposer: string): Promise<ProposalDataRow[]> {
  return db.query<ProposalDataRow[]>(
    `SELECT o.name AS "organisationName", p.name AS "partnerName", pp.created_at AS "proposedAt"
       FROM partnership_proposals pp
       JOIN ${organisationsSql('o')} ON o.id = pp.organisation_id
       JOIN ${organisationsSql('p')} ON p.id = pp.partner_id
      WHERE pp.proposed_by = $1 ORDER BY pp.created_at, pp.id`,
    [proposer],
  );
}
