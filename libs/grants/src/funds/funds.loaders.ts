import { Injectable } from '@nestjs/common';
import type DataLoader from 'dataloader';
import { listLoader, type LoaderFactory } from '@cohesion/common';
import type { ApplicationStatusCount } from './fund.model.js';
import { FundsService } from './funds.service.js';

@Injectable()
export class StatusCountsByFundLoader implements LoaderFactory<string, ApplicationStatusCount[]> {
  constructor(private readonly funds: FundsService) {}
  create(): DataLoader<string, ApplicationStatusCount[]> {
    return listLoader((ids) => this.funds.statusCounts(ids));
  }
}
