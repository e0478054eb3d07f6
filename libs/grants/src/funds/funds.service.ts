import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { allows, AuditService, badInput, enforce, notFound, pounds, type Viewer } from '@cohesion/common';
import { linkAll } from '../directory-links.queries.js';
import { GRANTS_POLICY } from '../grants.policy.js';
import type { CreateRoundInput } from '../rounds/dto/round.inputs.js';
import { toRound } from '../rounds/round.mapper.js';
import type { GrantRound } from '../rounds/round.model.js';
import { insertCriterion, insertRound, roundById, roundsOfFunds, type RoundRow } from '../rounds/round.queries.js';
import type { CreateFundInput } from './dto/fund.inputs.js';
import { fundSnapshot, toFund, toStatusCount } from './fund.mapper.js';
import type { ApplicationStatusCount, GrantFund } from './fund.model.js';
import { fundById, fundsByIds, fundsOfCouncils, insertFund, ownerKind, statusCounts } from './fund.queries.js';

/** Grant identifiers default to this publisher prefix until the council sets its own. */
export const DEFAULT_GRANT_ID_PREFIX = '360G-cohesionnetwork';

/** Funds and their rounds: made and seen by the council's grants officers (and platform admins). */
@Injectable()
export class FundsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async createFund(viewer: Viewer, input: CreateFundInput): Promise<GrantFund> {
    enforce(GRANTS_POLICY.createFund, viewer, { councilId: input.ownerOrganisationId });
    const [start, end] = input.financialYear.split('-').map(Number);
    if ((start + 1) % 100 !== end) {
      throw badInput(
        'input.financialYear',
        `must be two consecutive years, e.g. ${start}-${String((start + 1) % 100).padStart(2, '0')}`,
      );
    }
    return this.dataSource.transaction(async (manager) => {
      const owner = await ownerKind(manager, input.ownerOrganisationId);
      if (!owner) throw notFound('That organisation');
      if (owner.kind !== 'LOCAL_AUTHORITY') {
        throw badInput('input.ownerOrganisationId', 'must be a council (an organisation of kind LOCAL_AUTHORITY)');
      }
      const row = await insertFund(manager, {
        ownerOrganisationId: input.ownerOrganisationId,
        name: input.name,
        programmeCode: input.programmeCode,
        financialYear: input.financialYear,
        budget: input.budget,
        description: input.description ?? null,
        grantIdPrefix: input.grantIdPrefix ?? DEFAULT_GRANT_ID_PREFIX,
        createdBy: viewer.accountId,
      });
      await linkAll(manager, 'grant_fund_areas', 'fund_id', 'area_id', row.id, input.areaIds, 'input.areaIds', 'areas');
      await linkAll(
        manager,
        'grant_fund_themes',
        'fund_id',
        'term_id',
        row.id,
        input.themeIds,
        'input.themeIds',
        'taxonomy_terms',
      );
      await this.audit.record(manager, viewer, {
        entityType: 'GrantFund',
        entityId: row.id,
        action: 'create',
        before: null,
        after: { ...fundSnapshot(row), programmeCode: input.programmeCode, financialYear: input.financialYear },
      });
      return toFund(row);
    });
  }

  async createRound(viewer: Viewer, input: CreateRoundInput): Promise<GrantRound> {
    if (input.closesAt <= input.opensAt) throw badInput('input.closesAt', 'must be after opensAt');
    if (input.maxAward < input.minAward) throw badInput('input.maxAward', 'must be at least minAward');
    return this.dataSource.transaction(async (manager) => {
      const fund = await fundById(manager, input.fundId);
      if (!fund) throw notFound('That fund');
      enforce(GRANTS_POLICY.runFund, viewer, { councilId: fund.owner_organisation_id });
      if (input.maxAward > Number(fund.budget_pence)) {
        throw badInput('input.maxAward', `must be within the fund’s budget of ${pounds(Number(fund.budget_pence))}`);
      }
      const roundId = await insertRound(manager, {
        fundId: input.fundId,
        name: input.name,
        opensAt: input.opensAt,
        closesAt: input.closesAt,
        minAward: input.minAward,
        maxAward: input.maxAward,
        eligibleKinds: input.eligibleKinds ?? [],
        maxAnnualIncome: input.maxAnnualIncome ?? null,
        createdBy: viewer.accountId,
      });
      for (const [position, criterion] of input.criteria.entries()) {
        await insertCriterion(manager, roundId, position, {
          name: criterion.name,
          guidance: criterion.guidance ?? null,
          weight: criterion.weight,
          maxScore: criterion.maxScore,
        });
      }
      await linkAll(
        manager,
        'grant_round_areas',
        'round_id',
        'area_id',
        roundId,
        input.eligibleAreaIds,
        'input.eligibleAreaIds',
        'areas',
      );
      const created = toRound((await roundById(manager, roundId)) as RoundRow);
      await this.audit.record(manager, viewer, {
        entityType: 'GrantRound',
        entityId: roundId,
        action: 'create',
        before: null,
        after: {
          fundId: input.fundId,
          name: input.name,
          opensAt: input.opensAt,
          closesAt: input.closesAt,
          minAwardPence: input.minAward,
          maxAwardPence: input.maxAward,
          eligibleKinds: created.eligibleKinds,
          eligibleAreas: created.eligibleAreas,
          maxAnnualIncomePence: input.maxAnnualIncome ?? null,
          criteria: input.criteria.map(({ name, weight, maxScore }) => ({ name, weight, maxScore })),
        },
      });
      return created;
    });
  }

  /** Funds by id that the viewer runs; others are left out (they read as NOT_FOUND). */
  async fundsByIds(viewer: Viewer, ids: readonly string[]): Promise<GrantFund[]> {
    const councils = GRANTS_POLICY.viewFund.councils(viewer);
    if (ids.length === 0 || (councils !== null && councils.length === 0)) return [];
    const rows = await fundsByIds(this.dataSource, ids, councils);
    return rows.map(toFund);
  }

  async fund(viewer: Viewer, id: string): Promise<GrantFund> {
    const [fund] = await this.fundsByIds(viewer, [id]);
    if (!fund) throw notFound('That fund');
    return fund;
  }

  /** The funds the viewer runs, newest financial year first, optionally one council's. */
  async funds(viewer: Viewer, councilId?: string): Promise<GrantFund[]> {
    enforce(GRANTS_POLICY.listFunds, viewer, { councilId });
    const councils = GRANTS_POLICY.listFunds.councils(viewer);
    const rows = await fundsOfCouncils(this.dataSource, councils, councilId ?? null);
    return rows.map(toFund);
  }

  async statusCounts(fundIds: readonly string[]): Promise<Map<string, ApplicationStatusCount[]>> {
    const rows = await statusCounts(this.dataSource, fundIds);
    const byFund = new Map<string, ApplicationStatusCount[]>(fundIds.map((id) => [id, []]));
    for (const row of rows) byFund.get(row.fund_id)?.push(toStatusCount(row));
    return byFund;
  }

  async roundsOf(fundIds: readonly string[]): Promise<Map<string, GrantRound[]>> {
    const rows = await roundsOfFunds(this.dataSource, fundIds);
    const byFund = new Map<string, GrantRound[]>(fundIds.map((id) => [id, []]));
    for (const row of rows) byFund.get(row.fund_id)?.push(toRound(row));
    return byFund;
  }

  /** A round the viewer may see: officers of its council, and anyone signed in while it is open. */
  async round(viewer: Viewer, id: string): Promise<GrantRound> {
    const round = await this.visibleRound(viewer, id);
    if (!round) throw notFound('That round');
    return round;
  }

  /** The round, or null when it does not exist or the viewer may not see it. */
  async visibleRound(viewer: Viewer, id: string): Promise<GrantRound | null> {
    const row = await roundById(this.dataSource, id);
    if (!row) return null;
    const round = toRound(row);
    const facts = { councilId: row.owner_organisation_id, isOpen: round.isOpen };
    return allows(GRANTS_POLICY.viewRound, viewer, facts) ? round : null;
  }
}
