import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService, badInput, enforce, notFound, type Viewer } from '@cohesion/common';
import { linkAll } from '../directory-links.queries.js';
import { GRANTS_POLICY } from '../grants.policy.js';
import type { CreateFundInput } from './dto/fund.inputs.js';
import { fundSnapshot, toFund, toStatusCount } from './fund.mapper.js';
import type { ApplicationStatusCount, GrantFund } from './fund.model.js';
import { fundsByIds, fundsOfCouncils, insertFund, ownerKind, statusCounts } from './fund.queries.js';

/** Grant identifiers default to this publisher prefix until the council sets its own. */
export const DEFAULT_GRANT_ID_PREFIX = '360G-cohesionnetwork';

/** Funds: made and seen by the council's grants officers (and platform admins). */
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
      await linkAll(manager, 'grant_fund_areas', 'fund_id', 'area_id', row.id, input.areaIds, 'input.areaIds', 'area');
      await linkAll(
        manager,
        'grant_fund_themes',
        'fund_id',
        'term_id',
        row.id,
        input.themeIds,
        'input.themeIds',
        'term',
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
}
