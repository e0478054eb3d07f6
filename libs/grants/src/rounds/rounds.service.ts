import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { allows, AuditService, badInput, enforce, notFound, pounds, type Viewer } from '@cohesion/common';
import { linkAll } from '../directory-links.queries.js';
import { fundById } from '../funds/fund.queries.js';
import { GRANTS_POLICY } from '../grants.policy.js';
import type { CreateRoundInput } from './dto/round.inputs.js';
import { toRound } from './round.mapper.js';
import type { GrantRound } from './round.model.js';
import { insertCriterion, insertRound, roundById, roundsOfFunds, type RoundRow } from './round.queries.js';

/** A fund's rounds of applications: opened by its council's officers, open ones seen by anyone signed in. */
@Injectable()
export class RoundsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

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
        'area',
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
