import { Injectable } from '@nestjs/common';
import type DataLoader from 'dataloader';
import { listLoader, type LoaderFactory } from '@cohesion/common';
import { AwardsService } from './awards.service.js';
import type { GrantPayment } from './payment.model.js';

@Injectable()
export class PaymentsByAwardLoader implements LoaderFactory<string, GrantPayment[]> {
  constructor(private readonly awards: AwardsService) {}
  create(): DataLoader<string, GrantPayment[]> {
    return listLoader((ids) => this.awards.paymentsOf(ids));
  }
}
