import { Injectable } from '@nestjs/common';
import type DataLoader from 'dataloader';
import { listLoader, type LoaderFactory } from '@cohesion/common';
import type { GrantRound } from '../rounds/round.model.js';
import type { ApplicationStatusCount } from './fund.model.js';
import { FundsService } from './funds.service.js';

@Injectable()
export class RoundsByFundLoader implements LoaderFactory<string, GrantRound[]> {
  constructor(private readonly funds: FundsService) {}
  create(): DataLoader<string, GrantRound[]> {
    return listLoader((ids) => this.funds.roundsOf(ids));
  }
}

@Injectable()
export class StatusCountsByFundLoader implements LoaderFactory<string, ApplicationStatusCount[]> {
  constructor(private readonly funds: FundsService) {}
  create(): DataLoader<string, ApplicationStatusCount[]> {
    return listLoader((ids) => this.funds.statusCounts(ids));
  }
}
