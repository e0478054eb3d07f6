import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { NotificationDeliveryWorker } from '@cohesion/notifications';
import {
  connect,
  createPractitioner,
  createTestApp,
  errorCode,
  type GqlResult,
  type PractitionerOverrides,
  type TestApp,
  type TestPractitioner,
} from '@cohesion/testing';

const MESSAGE = 'We both run youth forums in Walsall; could we compare notes?';
const REQUEST = `mutation ($input: RequestIntroductionInput!) { requestIntroduction(input: $input) { id } }`;
const WITHDRAW = `mutation ($id: ID!) { withdrawIntroduction(id: $id) { status } }`;
const MINE = `query { myNotifications(first: 50) { totalCount } unreadNotificationCount }`;

/** Request, withdraw, repeat: withdrawing takes the request back from the person asked, and costs the one who asked. */
describe('withdrawn introductions', () => {
  let t: TestApp;
  let n = 0;

  beforeAll(async () => {
    t = await createTestApp({ NOTIFY_WITHDRAW_WINDOW_SECONDS: '300' });
  });
  afterAll(async () => {
    await t.close();
  });

  function person(overrides: PractitionerOverrides = {}): Promise<TestPractitioner> {
    n++;
    return createPractitioner(t, { fullName: `Withdraw Person ${n}`, ...overrides });
  }

  function request(
    from: TestPractitioner,
    to: TestPractitioner,
    via?: TestPractitioner,
  ): Promise<GqlResult<{ requestIntroduction: { id: string } }>> {
    return t.gql(REQUEST, { input: { to: to.globalId, via: via?.globalId, message: MESSAGE } }, from.token);
  }

  async function withdraw(from: TestPractitioner, id: string): Promise<void> {
    const result = await t.gql<{ withdrawIntroduction: { status: string } }>(WITHDRAW, { id }, from.token);
    expect(result.data.withdrawIntroduction.status).toBe('WITHDRAWN');
  }

  /** What reached someone: notifications they can see, and emails queued or sent to them. */
  async function reached(who: TestPractitioner): Promise<{ shown: number; emails: number }> {
    const seen = await t.gql<{ myNotifications: { totalCount: number } }>(MINE, {}, who.token);
    await drain();
    const [row] = await t.db.query<{ emails: number }[]>(
      `SELECT count(*)::int AS emails FROM notification_deliveries d JOIN notifications n ON n.id = d.notification_id
        WHERE n.recipient_id = $1 AND d.status IN ('PENDING', 'SENT')`,
      [who.id],
    );
    return { shown: seen.data.myNotifications.totalCount, emails: row.emails };
  }

  async function drain(): Promise<void> {
    const worker = t.app.get(NotificationDeliveryWorker);
    while ((await worker.runOnce()) > 0);
  }

  /** Lets the withdraw window of everything queued so far pass. */
  async function windowPasses(): Promise<void> {
    await t.db.query(`UPDATE notifications SET deliver_at = now() - interval '1 second' WHERE deliver_at > now()`);
    await t.db.query(
      `UPDATE notification_deliveries SET next_attempt_at = now() - interval '1 second'
        WHERE status = 'PENDING' AND next_attempt_at > now()`,
    );
  }

  it('five request and withdraw cycles to one person: nothing reaches them, and the second is refused', async () => {
    const target = await person();
    const asker = await person();
    const outcomes: (string | undefined)[] = [];
    for (let cycle = 0; cycle < 5; cycle++) {
      const asked = await request(asker, target);
      outcomes.push(errorCode(asked));
      if (!asked.errors) await withdraw(asker, asked.data.requestIntroduction.id);
    }
    expect(outcomes).toEqual([undefined, 'CONFLICT', 'CONFLICT', 'CONFLICT', 'CONFLICT']);
    await windowPasses();
    expect(await reached(target)).toEqual({ shown: 0, emails: 0 });
    const again = await request(asker, target);
    expect(again.errors?.[0].message).toMatch(/again from \d{4}-\d{2}-\d{2}/);
    // After 30 days they may ask again.
    await t.db.query(`UPDATE introductions SET closed_at = now() - interval '31 days' WHERE requester_id = $1`, [
      asker.id,
    ]);
    expect((await request(asker, target)).errors).toBeUndefined();
  });

  it('withdrawn requests do not use up the monthly cap of the person asked', async () => {
    const target = await person({ introductionsMonthlyCap: 2 });
    for (let i = 0; i < 5; i++) {
      const asker = await person();
      const asked = await request(asker, target);
      expect(asked.errors).toBeUndefined();
      await withdraw(asker, asked.data.requestIntroduction.id);
    }
    const genuine = await request(await person(), target);
    expect(genuine.errors).toBeUndefined();
    await windowPasses();
    // Only the genuine request reached them.
    expect(await reached(target)).toEqual({ shown: 1, emails: 1 });
  });

  it('holds a request’s notice for the window: shown and emailed only after it, unless withdrawn', async () => {
    const target = await person();
    const asker = await person();
    const asked = await request(asker, target);
    expect(asked.errors).toBeUndefined();
    const seen = await t.gql<{ myNotifications: { totalCount: number }; unreadNotificationCount: number }>(
      MINE,
      {},
      target.token,
    );
    expect(seen.data).toEqual({ myNotifications: { totalCount: 0 }, unreadNotificationCount: 0 });
    // Nor does marking everything read count it, or mark it read before it shows.
    const marked = await t.gql<{ markNotificationsRead: number }>(
      `mutation { markNotificationsRead(input: { all: true }) }`,
      {},
      target.token,
    );
    expect(marked.data.markNotificationsRead).toBe(0);
    await drain();
    const [held] = await t.db.query<{ status: string }[]>(
      `SELECT d.status FROM notification_deliveries d JOIN notifications n ON n.id = d.notification_id
        WHERE n.recipient_id = $1`,
      [target.id],
    );
    expect(held.status).toBe('PENDING');
    await windowPasses();
    expect(await reached(target)).toEqual({ shown: 1, emails: 1 });
    // Withdrawn after the window: what was sent stays sent; the request is withdrawn all the same.
    await withdraw(asker, asked.data.requestIntroduction.id);
    expect(await reached(target)).toEqual({ shown: 1, emails: 1 });
  });

  it('a brokered request withdrawn within the window never reaches the broker', async () => {
    const asker = await person();
    const broker = await person();
    const target = await person();
    await connect(t, asker.id, broker.id);
    await connect(t, broker.id, target.id);
    const asked = await request(asker, target, broker);
    expect(asked.errors).toBeUndefined();
    await withdraw(asker, asked.data.requestIntroduction.id);
    await windowPasses();
    expect(await reached(broker)).toEqual({ shown: 0, emails: 0 });
    expect(await reached(target)).toEqual({ shown: 0, emails: 0 });
  });
});
