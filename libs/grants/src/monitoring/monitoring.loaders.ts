import { Injectable } from '@nestjs/common';
import type DataLoader from 'dataloader';
import { listLoader, type LoaderFactory } from '@cohesion/common';
import type { MonitoringReport } from './monitoring-report.model.js';
import { MonitoringService } from './monitoring.service.js';

@Injectable()
export class ReportsByAwardLoader implements LoaderFactory<string, MonitoringReport[]> {
  constructor(private readonly monitoring: MonitoringService) {}
  create(): DataLoader<string, MonitoringReport[]> {
    return listLoader((ids) => this.monitoring.reportsOf(ids));
  }
}
