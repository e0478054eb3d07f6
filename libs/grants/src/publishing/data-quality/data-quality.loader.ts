import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { BATCH_OPTIONS, type LoaderFactory } from '@cohesion/common';
import type { DataQualityFinding } from './data-quality.checks.js';
import { DataQualityService } from './data-quality.service.js';

/** Each fund's data quality warnings: one statement for every fund a request shows. */
@Injectable()
export class FundDataQualityLoader implements LoaderFactory<string, DataQualityFinding[]> {
  constructor(private readonly quality: DataQualityService) {}

  create(): DataLoader<string, DataQualityFinding[]> {
    return new DataLoader(async (fundIds) => {
      const byFund = await this.quality.forFunds(fundIds);
      return fundIds.map((id) => byFund.get(id) ?? []);
    }, BATCH_OPTIONS);
  }
}
