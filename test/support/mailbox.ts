import type { TestApp } from './test-app.js';

/** An email waiting in the outbox, as the person would receive it. */
export interface QueuedEmail {
  to: string;
  kind: string;
  subject: string;
  body: string;
  shownInApp: boolean;
}

/** The emails queued to an address, oldest first. */
export async function emailsTo(t: TestApp, address: string): Promise<QueuedEmail[]> {
  return t.db.query(
    `SELECT d.recipient_address AS "to", n.kind, n.subject, n.body, n.shown_in_app AS "shownInApp"
       FROM notification_deliveries d JOIN notifications n ON n.id = d.notification_id
      WHERE d.recipient_address = $1 ORDER BY d.created_at, d.id`,
    [address.toLowerCase()],
  );
}

/** The token of the latest link of `kind` emailed to `address` (what following the link would send). */
export async function emailedToken(t: TestApp, address: string, kind: string): Promise<string> {
  const emails = (await emailsTo(t, address)).filter((email) => email.kind === kind);
  const latest = emails.at(-1);
  const match = latest?.body.match(/[?&]token=([A-Za-z0-9_-]+)/);
  if (!match) throw new Error(`No ${kind} link was emailed to ${address}`);
  return decodeURIComponent(match[1]);
}
