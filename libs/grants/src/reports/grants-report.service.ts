import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { badInput, enforce, type Viewer } from '@cohesion/common';
import { GRANTS_POLICY } from '../grants.policy.js';
import type { GrantsReportFilter } from './grants-report.inputs.js';
import { toGrantsReport } from './grants-report.mapper.js';
import type { GrantsReport } from './grants-report.model.js';
import { namedRecords, reportRows } from './grants-report.queries.js';

/**
 * grantsReport and its CSV: totals and breakdowns of the applications in the funds
 * the viewer runs. The whole report is one SQL statement: a materialised CTE of the
 * filtered applications, aggregated once per section, so its cost does not grow with
 * the number of awards (plus one small statement to check the ids a filter names).
 * Areas and themes are joined once, from the filtered set, into CTEs that carry the
 * amounts, and grouped there: joining the link tables under a LEFT JOIN instead made
 * the planner hash every link row in the database, even for one council's report
 * (measured on 100,500 applications: 350-800 ms against 165-180 ms for 2,010 of them).
 */
@Injectable()
export class GrantsReportService {
  constructor(private readonly dataSource: DataSource) {}

  async report(viewer: Viewer, filter: GrantsReportFilter = {}): Promise<GrantsReport> {
    enforce(GRANTS_POLICY.viewReports, viewer, { councilIds: filter.councilIds });
    const councils = GRANTS_POLICY.viewReports.councils(viewer);
    await this.checkNamedRecords(viewer, filter);

    const result = await reportRows(this.dataSource, filter, councils);
    return toGrantsReport(result.rows, result.monitoring);
  }

  /**
   * Checks, in one statement, that the funds, councils, area and theme a filter names
   * exist, and that an officer runs the funds named (FORBIDDEN, not an empty report).
   */
  private async checkNamedRecords(viewer: Viewer, filter: GrantsReportFilter): Promise<void> {
    const fundIds = filter.fundIds ?? [];
    const councilIds = filter.councilIds ?? [];
    if (!fundIds.length && !councilIds.length && !filter.areaId && !filter.themeId) return;
    const found = await namedRecords(this.dataSource, fundIds, councilIds, filter);
    fundIds.forEach((id, index) => {
      const fund = found.funds.find((candidate) => candidate.id === id);
      if (!fund) throw badInput(`filter.fundIds[${index}]`, 'is not a grant fund');
      enforce(GRANTS_POLICY.viewReports, viewer, { councilIds: [fund.owner] });
    });
    councilIds.forEach((id, index) => {
      if (!found.councils.includes(id)) throw badInput(`filter.councilIds[${index}]`, 'is not an organisation');
    });
    if (filter.areaId && !found.area) throw badInput('filter.areaId', 'is not an area');
    if (filter.themeId && !found.theme) throw badInput('filter.themeId', 'is not a taxonomy term');
  }
}
