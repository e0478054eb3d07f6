import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { BATCH_OPTIONS, type LoaderFactory, type Viewer } from '@cohesion/common';
import type { Assessment } from '../applications/application.model.js';
import { AssessmentService } from '../assessment/assessment.service.js';
import type { ApplicationStatusCount } from '../funds/fund.model.js';
import { FundsService } from '../funds/funds.service.js';
import type { MonitoringReport } from '../monitoring/monitoring-report.model.js';
import { AwardsService } from '../payments/awards.service.js';
import type { GrantPayment } from '../payments/payment.model.js';
import type { GrantRound } from '../rounds/round.model.js';

/** A loader of lists by parent id from one batched fetch that returns a map. */
function listLoader<V>(fetch: (ids: readonly string[]) => Promise<Map<string, V[]>>): DataLoader<string, V[]> {
  return new DataLoader(async (ids) => {
    const byParent = await fetch(ids);
    return ids.map((id) => byParent.get(id) ?? []);
  }, BATCH_OPTIONS);
}

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

@Injectable()
export class PaymentsByAwardLoader implements LoaderFactory<string, GrantPayment[]> {
  constructor(private readonly awards: AwardsService) {}
  create(): DataLoader<string, GrantPayment[]> {
    return listLoader((ids) => this.awards.paymentsOf(ids));
  }
}

@Injectable()
export class ReportsByAwardLoader implements LoaderFactory<string, MonitoringReport[]> {
  constructor(private readonly awards: AwardsService) {}
  create(): DataLoader<string, MonitoringReport[]> {
    return listLoader((ids) => this.awards.reportsOf(ids));
  }
}

@Injectable()
export class AssessmentsByApplicationLoader implements LoaderFactory<string, Assessment[]> {
  constructor(private readonly assessment: AssessmentService) {}
  create(viewer: Viewer): DataLoader<string, Assessment[]> {
    return listLoader((ids) => this.assessment.assessmentsOf(ids, { seenBy: viewer.accountId }));
  }
}
