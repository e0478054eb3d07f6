import { toGlobalId } from '@cohesion/common';
import { GrantPayment, PaymentStatusEnum } from './payment.model.js';
import type { PaymentRow } from './payment.queries.js';

export function toPayment(row: PaymentRow): GrantPayment {
  return Object.assign(new GrantPayment(), {
    id: toGlobalId('GrantPayment', row.id),
    paymentId: row.id,
    applicationId: row.application_id,
    amount: Number(row.amount_pence),
    dueDate: row.due_date,
    status: row.status as PaymentStatusEnum,
    paidAt: row.paid_at,
    reference: row.reference,
  });
}

/** The payment's snapshot for audit rows. */
export function paymentSnapshot(row: PaymentRow): object {
  return { amountPence: Number(row.amount_pence), dueDate: row.due_date, status: row.status, reference: row.reference };
}
