import { Injectable } from '@nestjs/common';
import type DataLoader from 'dataloader';
import { listLoader, type LoaderFactory } from '@cohesion/common';
import type { MonitoringReport } from '../monitoring/monitoring-report.model.js';
import { AwardsService } from './awards.service.js';
import type { GrantPayment } from './payment.model.js';

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
