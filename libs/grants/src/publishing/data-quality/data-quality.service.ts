import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DATA_QUALITY_CHECKS, ukToday, type DataQualityFinding } from './data-quality.checks.js';
import { dataQualityCounts } from './data-quality.queries.js';

/**
 * The data quality of funds' published grants, worked out by the database in one
 * statement (counts and a few example ids per check, per fund), without reading the
 * awards into memory. The same checks run on the published file as it streams.
 */
@Injectable()
export class DataQualityService {
  constructor(private readonly dataSource: DataSource) {}

  async forFunds(fundIds: readonly string[], today: string = ukToday()): Promise<Map<string, DataQualityFinding[]>> {
    const result = new Map<string, DataQualityFinding[]>(fundIds.map((id) => [id, []]));
    if (fundIds.length === 0) return result;
    const rows = await dataQualityCounts(this.dataSource, fundIds, today);
    for (const row of rows) {
      result.set(
        row.fund_id,
        DATA_QUALITY_CHECKS.flatMap((check, index) => {
          const count = row[`count_${index}`];
          if (count === 0) return [];
          return [{ code: check.code, message: check.message, count, exampleGrantIds: row[`examples_${index}`] }];
        }),
      );
    }
    return result;
  }
}
