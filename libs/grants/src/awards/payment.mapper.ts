import { toGlobalId } from '@cohesion/common';
import { GrantPayment, PaymentStatusEnum } from './payment.model.js';

type Row = Record<string, unknown>;

const num = (value: unknown): number => Number(value);

export function toPayment(row: Row): GrantPayment {
  return Object.assign(new GrantPayment(), {
    id: toGlobalId('GrantPayment', row.id as string),
    paymentId: row.id,
    applicationId: row.application_id,
    amount: num(row.amount_pence),
    dueDate: row.due_date,
    status: row.status as PaymentStatusEnum,
    paidAt: row.paid_at,
    reference: row.reference,
  });
}
