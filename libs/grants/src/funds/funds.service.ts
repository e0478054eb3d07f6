import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { allows, AuditService, badInput, enforce, notFound, pounds, type Viewer } from '@cohesion/common';
import { GRANTS_POLICY } from '../grants.policy.js';
import { linkAll } from '../directory-links.queries.js';
import { toRound } from '../rounds/round.mapper.js';
import { ROUND_SQL } from '../rounds/round.queries.js';
import type { GrantRound } from '../rounds/round.model.js';
import type { CreateRoundInput } from '../rounds/dto/round.inputs.js';
import type { CreateFundInput } from './dto/fund.inputs.js';
import { fundSnapshot, toFund } from './fund.mapper.js';
import type { ApplicationStatusCount, GrantFund } from './fund.model.js';

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
      const [owner] = await manager.query<{ kind: string }[]>('SELECT kind FROM organisations WHERE id = $1', [
        input.ownerOrganisationId,
      ]);
      if (!owner) throw notFound('That organisation');
      if (owner.kind !== 'LOCAL_AUTHORITY') {
        throw badInput('input.ownerOrganisationId', 'must be a council (an organisation of kind LOCAL_AUTHORITY)');
      }
      const [row] = await manager.query<Record<string, unknown>[]>(
        `INSERT INTO grant_funds (owner_organisation_id, name, programme_code, financial_year, budget_pence,
                                  description, grant_id_prefix, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING *`,
        [
          input.ownerOrganisationId,
          input.name,
          input.programmeCode,
          input.financialYear,
          input.budget,
          input.description ?? null,
          input.grantIdPrefix ?? DEFAULT_GRANT_ID_PREFIX,
          viewer.accountId,
        ],
      );
      await linkAll(
        manager,
        'grant_fund_areas',
        'fund_id',
        'area_id',
        row.id as string,
        input.areaIds,
        'input.areaIds',
        'areas',
      );
      await linkAll(
        manager,
        'grant_fund_themes',
        'fund_id',
        'term_id',
        row.id as string,
        input.themeIds,
        'input.themeIds',
        'taxonomy_terms',
      );
      await this.audit.record(manager, viewer, {
        entityType: 'GrantFund',
        entityId: row.id as string,
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
      const [fund] = await manager.query<Record<string, unknown>[]>('SELECT * FROM grant_funds WHERE id = $1', [
        input.fundId,
      ]);
      if (!fund) throw notFound('That fund');
      enforce(GRANTS_POLICY.runFund, viewer, { councilId: fund.owner_organisation_id as string });
      if (input.maxAward > Number(fund.budget_pence)) {
        throw badInput('input.maxAward', `must be within the fund’s budget of ${pounds(Number(fund.budget_pence))}`);
      }
      const [round] = await manager.query<{ id: string }[]>(
        `INSERT INTO grant_rounds (fund_id, name, opens_at, closes_at, min_award_pence, max_award_pence,
                                   eligible_kinds, max_annual_income_pence, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
        [
          input.fundId,
          input.name,
          input.opensAt,
          input.closesAt,
          input.minAward,
          input.maxAward,
          input.eligibleKinds ?? [],
          input.maxAnnualIncome ?? null,
          viewer.accountId,
        ],
      );
      for (const [position, criterion] of input.criteria.entries()) {
        await manager.query(
          `INSERT INTO grant_criteria (round_id, position, name, guidance, weight, max_score)
           VALUES ($1, $2, $3, $4, $5, $6)`,
          [round.id, position, criterion.name, criterion.guidance ?? null, criterion.weight, criterion.maxScore],
        );
      }
      await linkAll(
        manager,
        'grant_round_areas',
        'round_id',
        'area_id',
        round.id,
        input.eligibleAreaIds,
        'input.eligibleAreaIds',
        'areas',
      );
      const [row] = await manager.query<Record<string, unknown>[]>(`${ROUND_SQL} WHERE r.id = $1`, [round.id]);
      const created = toRound(row);
      await this.audit.record(manager, viewer, {
        entityType: 'GrantRound',
        entityId: round.id,
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
    const rows = await this.dataSource.query<Record<string, unknown>[]>(
      `SELECT f.* FROM grant_funds f WHERE f.id = ANY($1::uuid[])
         AND ($2::uuid[] IS NULL OR f.owner_organisation_id = ANY($2::uuid[]))`,
      [ids, councils],
    );
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
    const rows = await this.dataSource.query<Record<string, unknown>[]>(
      `SELECT f.* FROM grant_funds f
        WHERE ($1::uuid[] IS NULL OR f.owner_organisation_id = ANY($1::uuid[]))
          AND ($2::uuid IS NULL OR f.owner_organisation_id = $2)
        ORDER BY f.financial_year DESC, f.name LIMIT 500`,
      [councils, councilId ?? null],
    );
    return rows.map(toFund);
  }

  async statusCounts(fundIds: readonly string[]): Promise<Map<string, ApplicationStatusCount[]>> {
    const rows = await this.dataSource.query<{ fund_id: string; status: string; count: number }[]>(
      `SELECT fund_id, status, count(*)::int AS count FROM grant_applications
        WHERE fund_id = ANY($1::uuid[]) GROUP BY fund_id, status ORDER BY status`,
      [fundIds],
    );
    const byFund = new Map<string, ApplicationStatusCount[]>(fundIds.map((id) => [id, []]));
    for (const row of rows) byFund.get(row.fund_id)?.push({ status: row.status, count: row.count });
    return byFund;
  }

  async roundsOf(fundIds: readonly string[]): Promise<Map<string, GrantRound[]>> {
    const rows = await this.dataSource.query<Record<string, unknown>[]>(
      `${ROUND_SQL} WHERE r.fund_id = ANY($1::uuid[]) ORDER BY r.opens_at, r.id`,
      [fundIds],
    );
    const byFund = new Map<string, GrantRound[]>(fundIds.map((id) => [id, []]));
    for (const row of rows) byFund.get(row.fund_id as string)?.push(toRound(row));
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
    const [row] = await this.dataSource.query<Record<string, unknown>[]>(`${ROUND_SQL} WHERE r.id = $1`, [id]);
    if (!row) return null;
    const round = toRound(row);
    const facts = { councilId: row.owner_organisation_id as string, isOpen: round.isOpen };
    return allows(GRANTS_POLICY.viewRound, viewer, facts) ? round : null;
  }
}
