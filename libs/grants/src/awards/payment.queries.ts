import { returningRows, type Db } from '@cohesion/common';
import type { PaymentStatus } from './payment.entity.js';

/** A `grant_payments` row as `SELECT *` returns it. */
export interface PaymentRow {
  id: string;
  application_id: string;
  fund_id: string;
  amount_pence: number;
  due_date: string;
  status: PaymentStatus;
  paid_at: Date | null;
  reference: string | null;
}

export async function paymentById(db: Db, id: string, lock = false): Promise<PaymentRow | undefined> {
  const [row] = await db.query<PaymentRow[]>(`SELECT * FROM grant_payments WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [
    id,
  ]);
  return row;
}

/** What an award has in tranches not cancelled (scheduled or paid). */
export async function scheduledTotal(db: Db, applicationId: string): Promise<number> {
  const [{ scheduled }] = await db.query<{ scheduled: number }[]>(
    `SELECT COALESCE(sum(amount_pence), 0)::bigint AS scheduled FROM grant_payments
      WHERE application_id = $1 AND status <> 'CANCELLED'`,
    [applicationId],
  );
  return Number(scheduled);
}

export async function insertPayment(
  db: Db,
  payment: { applicationId: string; fundId: string; amount: number; dueDate: string; createdBy: string | null },
): Promise<PaymentRow> {
  const [row] = await db.query<PaymentRow[]>(
    `INSERT INTO grant_payments (application_id, fund_id, amount_pence, due_date, created_by)
     VALUES ($1, $2, $3, $4, $5) RETURNING *`,
    [payment.applicationId, payment.fundId, payment.amount, payment.dueDate, payment.createdBy],
  );
  return row;
}

/** Marks a tranche PAID (keeping its reference unless a new one is given); the payment as it now is. */
export async function markPaymentPaid(db: Db, id: string, reference: string | null): Promise<PaymentRow> {
  const [row] = await returningRows<PaymentRow>(
    db,
    `UPDATE grant_payments SET status = 'PAID', paid_at = now(), reference = COALESCE($2, reference)
      WHERE id = $1 RETURNING *`,
    [id, reference],
  );
  return row;
}

/** Adds a payment to its award's paid total. */
export async function addToAwardPaid(db: Db, applicationId: string, amount: number): Promise<void> {
  await db.query(
    'UPDATE grant_applications SET paid_pence = paid_pence + $2, updated_at = now(), version = version + 1 WHERE id = $1',
    [applicationId, amount],
  );
}

export function paymentsOfAwards(db: Db, applicationIds: readonly string[]): Promise<PaymentRow[]> {
  return db.query<PaymentRow[]>(
    'SELECT * FROM grant_payments WHERE application_id = ANY($1::uuid[]) ORDER BY due_date, created_at',
    [applicationIds],
  );
}
