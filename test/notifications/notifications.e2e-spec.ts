import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { SMTPServer, type SMTPServerDataStream } from 'smtp-server';
import { MailSender, messageIdFor, NotificationDeliveryWorker, type OutgoingMail } from '@cohesion/notifications';
import {
  createPractitioner,
  createTestApp,
  errorCode,
  TEST_PASSWORD,
  type PractitionerOverrides,
  type TestApp,
  type TestPractitioner,
} from '@cohesion/testing';
import { nodeWarnings } from '../support/api-process.js';

const REQUEST = `mutation Request($input: RequestIntroductionInput!) { requestIntroduction(input: $input) { id } }`;
const RESPOND = `mutation Respond($input: RespondToIntroductionInput!) { respondToIntroduction(input: $input) { id status } }`;
const MINE = `query Mine($first: Int, $after: String, $unreadOnly: Boolean) {
  myNotifications(first: $first, after: $after, unreadOnly: $unreadOnly) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { id kind subject body link read readAt createdAt } }
  } }`;
const UNREAD = `query { unreadNotificationCount }`;
const MARK = `mutation Mark($input: MarkNotificationsReadInput!) { markNotificationsRead(input: $input) }`;
const NODE = `query Node($id: ID!) { node(id: $id) { id ... on Notification { kind read } } }`;

const MESSAGE = 'We both run youth forums in Walsall; could we compare notes?';
const MAIL_FROM = 'Cohesion Test <notify@mail.cohesion.test>';

interface NotificationView {
  id: string;
  kind: string;
  subject: string;
  body: string;
  link: string | null;
  read: boolean;
  readAt: string | null;
  createdAt: string;
}

interface MineResult {
  myNotifications: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { node: NotificationView }[];
  };
}

interface DeliveryRow {
  id: string;
  notificationId: string;
  recipientAddress: string;
  status: string;
  attempts: number;
  nextAttemptAt: Date;
  lockedUntil: Date | null;
  sentAt: Date | null;
  lastError: string | null;
  subject: string;
  body: string;
  link: string | null;
}

const DELIVERY_COLUMNS = `d.id, d.notification_id AS "notificationId", d.recipient_address AS "recipientAddress",
  d.status, d.attempts, d.next_attempt_at AS "nextAttemptAt", d.locked_until AS "lockedUntil", d.sent_at AS "sentAt",
  d.last_error AS "lastError", n.subject, n.body, n.link`;

function uuidOf(globalId: string): string {
  return Buffer.from(globalId, 'base64url').toString().split(':')[1];
}

async function requestIntroduction(
  t: TestApp,
  from: TestPractitioner,
  to: TestPractitioner,
  extra: Record<string, unknown> = {},
): Promise<string> {
  const result = await t.gql<{ requestIntroduction: { id: string } }>(
    REQUEST,
    { input: { to: to.globalId, message: MESSAGE, ...extra } },
    from.token,
  );
  expect(result.errors).toBeUndefined();
  return result.data.requestIntroduction.id;
}

async function accept(t: TestApp, who: TestPractitioner, id: string): Promise<void> {
  const result = await t.gql<{ respondToIntroduction: { status: string } }>(
    RESPOND,
    { input: { id, accept: true } },
    who.token,
  );
  expect(result.errors).toBeUndefined();
}

async function deliveriesTo(t: TestApp, who: TestPractitioner): Promise<DeliveryRow[]> {
  return t.db.query(
    `SELECT ${DELIVERY_COLUMNS} FROM notification_deliveries d JOIN notifications n ON n.id = d.notification_id
      WHERE n.recipient_id = $1 ORDER BY n.created_at, d.id`,
    [who.id],
  );
}

async function delivery(t: TestApp, id: string): Promise<DeliveryRow> {
  const [row] = await t.db.query<DeliveryRow[]>(
    `SELECT ${DELIVERY_COLUMNS} FROM notification_deliveries d JOIN notifications n ON n.id = d.notification_id
      WHERE d.id = $1`,
    [id],
  );
  return row;
}

async function counts(t: TestApp): Promise<{ introductions: number; notifications: number; deliveries: number }> {
  const [row] = await t.db.query<{ introductions: number; notifications: number; deliveries: number }[]>(
    `SELECT (SELECT count(*)::int FROM introductions) AS introductions,
            (SELECT count(*)::int FROM notifications) AS notifications,
            (SELECT count(*)::int FROM notification_deliveries) AS deliveries`,
  );
  return row;
}

/** Runs the worker until nothing is due, so a test starts from an empty outbox. */
async function drain(worker: NotificationDeliveryWorker): Promise<void> {
  for (let round = 0; round < 50; round++) if ((await worker.runOnce()) === 0) return;
  throw new Error('The outbox did not drain in 50 rounds');
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls until `probe` gives a value, or fails after `timeoutMs` saying what it waited for. */
async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined> | T | undefined,
  timeoutMs = 15_000,
  everyMs = 50,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await pause(everyMs);
  }
}

/** Resolves as `promise` does, or fails after `timeoutMs`; leaves no timer behind. */
async function within<T>(promise: Promise<T>, timeoutMs: number, explain: () => string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`After ${timeoutMs} ms: ${explain()}`)), timeoutMs);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** An email as its recipient's mail program reads it: unfolded, decoded headers and the decoded text body. */
interface ParsedMail {
  headers: Map<string, string>;
  text: string;
}

function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_match, _charset: string, encoding: string, data: string) =>
      encoding.toUpperCase() === 'B'
        ? Buffer.from(data, 'base64').toString('utf8')
        : decodeQuotedPrintable(data.replace(/_/g, ' ')),
    );
}

function decodeQuotedPrintable(value: string): string {
  const bytes = value
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-Fa-f]{2})/g, (_match, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return Buffer.from(bytes, 'latin1').toString('utf8');
}

function parseMail(raw: string): ParsedMail {
  const source = raw.replace(/\r\n/g, '\n');
  const split = source.indexOf('\n\n');
  const headers = new Map<string, string>();
  for (const line of source
    .slice(0, split)
    .replace(/\n[ \t]+/g, ' ')
    .split('\n')) {
    const colon = line.indexOf(':');
    headers.set(line.slice(0, colon).trim().toLowerCase(), decodeWords(line.slice(colon + 1).trim()));
  }
  const body = source.slice(split + 2);
  const encoding = headers.get('content-transfer-encoding')?.toLowerCase();
  const text =
    encoding === 'quoted-printable'
      ? decodeQuotedPrintable(body)
      : encoding === 'base64'
        ? Buffer.from(body, 'base64').toString('utf8')
        : body;
  return { headers, text };
}

function emlFiles(directory: string): string[] {
  return existsSync(directory) ? readdirSync(directory).filter((name) => name.endsWith('.eml')) : [];
}

describe('notifications', () => {
  let n = 0;
  function person(t: TestApp, overrides: PractitionerOverrides = {}): Promise<TestPractitioner> {
    n++;
    return createPractitioner(t, { fullName: `Notify Person ${n}`, ...overrides });
  }

  describe('in the app, and by email through the file transport', () => {
    let t: TestApp;
    let worker: NotificationDeliveryWorker;

    beforeAll(async () => {
      t = await createTestApp({ MAIL_FROM, NOTIFY_LEASE_SECONDS: '2' });
      worker = t.app.get(NotificationDeliveryWorker);
    });
    afterAll(async () => {
      await t?.close();
    });

    async function mine(who: TestPractitioner, variables: Record<string, unknown> = {}) {
      const result = await t.gql<MineResult>(MINE, variables, who.token);
      expect(result.errors).toBeUndefined();
      return result.data.myNotifications;
    }

    async function unread(who: TestPractitioner): Promise<number> {
      const result = await t.gql<{ unreadNotificationCount: number }>(UNREAD, {}, who.token);
      expect(result.errors).toBeUndefined();
      return result.data.unreadNotificationCount;
    }

    it('shows each person their own notifications, newest first, a page at a time, with the unread count', async () => {
      const asker = await person(t, { fullName: 'Robin Asker', jobTitle: 'Youth worker' });
      const asked = await person(t, { fullName: 'Sam Asked' });
      const bystander = await person(t);
      const id = await requestIntroduction(t, asker, asked);
      await accept(t, asked, id);

      const first = await mine(asked, { first: 1 });
      expect(first.totalCount).toBe(2);
      expect(first.pageInfo.hasNextPage).toBe(true);
      expect(first.edges.map((edge) => edge.node)).toEqual([
        expect.objectContaining({
          kind: 'CONNECTION_MADE',
          subject: 'You are now connected with Robin Asker',
          link: `/introductions/${uuidOf(id)}`,
          read: false,
          readAt: null,
        }),
      ]);
      const second = await mine(asked, { first: 1, after: first.pageInfo.endCursor });
      expect(second.pageInfo.hasNextPage).toBe(false);
      const [requested] = second.edges.map((edge) => edge.node);
      expect(requested).toMatchObject({ kind: 'INTRODUCTION_REQUESTED', read: false });
      expect(requested.body).toContain(MESSAGE);
      expect(requested.body).toContain('Youth worker');
      expect(Date.parse(requested.createdAt)).toBeLessThan(Date.parse(first.edges[0].node.createdAt));

      const askerSees = await mine(asker);
      expect(askerSees.edges.map((edge) => edge.node.kind)).toEqual(['INTRODUCTION_ACCEPTED']);
      expect(await mine(bystander)).toMatchObject({ totalCount: 0, edges: [] });
      expect([await unread(asked), await unread(asker), await unread(bystander)]).toEqual([2, 1, 0]);
    });

    it('marks read only the caller’s own notifications; anyone else’s ids are ignored', async () => {
      const asker = await person(t);
      const asked = await person(t);
      await accept(t, asked, await requestIntroduction(t, asker, asked));
      const askedIds = (await mine(asked)).edges.map((edge) => edge.node.id);
      const [askerId] = (await mine(asker)).edges.map((edge) => edge.node.id);
      expect(askedIds).toHaveLength(2);

      const marked = await t.gql<{ markNotificationsRead: number }>(
        MARK,
        { input: { ids: [askedIds[1], askerId] } },
        asked.token,
      );
      expect(marked.data.markNotificationsRead).toBe(1);
      const after = (await mine(asked)).edges.map((edge) => edge.node);
      expect(after.map((node) => node.read)).toEqual([false, true]);
      expect(after[1].readAt).not.toBeNull();
      expect(await unread(asked)).toBe(1);
      expect((await mine(asked, { unreadOnly: true })).edges.map((edge) => edge.node.id)).toEqual([askedIds[0]]);
      // The other person's notification is still unread for them.
      expect(await unread(asker)).toBe(1);
      expect((await mine(asker)).edges[0].node).toMatchObject({ id: askerId, read: false });

      // Marking again changes nothing; "all" takes the rest, and only the caller's.
      const again = await t.gql<{ markNotificationsRead: number }>(
        MARK,
        { input: { ids: [askedIds[1]] } },
        asked.token,
      );
      expect(again.data.markNotificationsRead).toBe(0);
      const all = await t.gql<{ markNotificationsRead: number }>(MARK, { input: { all: true } }, asked.token);
      expect(all.data.markNotificationsRead).toBe(1);
      expect(await unread(asked)).toBe(0);
      expect(await unread(asker)).toBe(1);
    });

    it('refuses a mark request that names no notifications, or names something else', async () => {
      const asker = await person(t);
      const asked = await person(t);
      const introductionId = await requestIntroduction(t, asker, asked);
      const [notificationId] = (await mine(asked)).edges.map((edge) => edge.node.id);
      for (const input of [{}, { ids: [] }, { ids: [notificationId], all: true }, { ids: [introductionId] }]) {
        expect(errorCode(await t.gql(MARK, { input }, asked.token))).toBe('BAD_USER_INPUT');
      }
      expect(await unread(asked)).toBe(1);
    });

    it('gives a notification by id only to its recipient, and nothing to anyone not signed in', async () => {
      const asker = await person(t);
      const asked = await person(t);
      await requestIntroduction(t, asker, asked);
      const [notification] = (await mine(asked)).edges.map((edge) => edge.node);

      const own = await t.gql<{ node: unknown }>(NODE, { id: notification.id }, asked.token);
      expect(own.data.node).toEqual({ id: notification.id, kind: 'INTRODUCTION_REQUESTED', read: false });
      const other = await t.gql<{ node: unknown }>(NODE, { id: notification.id }, asker.token);
      expect(other.errors).toBeUndefined();
      expect(other.data.node).toBeNull();
      const anonymousNode = await t.gql<{ node: unknown }>(NODE, { id: notification.id });
      expect(anonymousNode.data.node).toBeNull();

      expect(errorCode(await t.gql(MINE, {}))).toBe('UNAUTHENTICATED');
      expect(errorCode(await t.gql(UNREAD, {}))).toBe('UNAUTHENTICATED');
      expect(errorCode(await t.gql(MARK, { input: { ids: [notification.id] } }))).toBe('UNAUTHENTICATED');
      expect(errorCode(await t.gql(MARK, { input: { all: true } }))).toBe('UNAUTHENTICATED');
      expect(await unread(asked)).toBe(1);
    });

    it('queues nothing, in the app or the outbox, for an event that is refused', async () => {
      const asker = await person(t);
      const asked = await person(t);
      const closed = await person(t, { openToIntroductions: false });
      await requestIntroduction(t, asker, asked);
      const before = await counts(t);

      const twice = await t.gql(REQUEST, { input: { to: asked.globalId, message: MESSAGE } }, asker.token);
      expect(errorCode(twice)).toBe('CONFLICT');
      const tooShort = await t.gql(REQUEST, { input: { to: closed.globalId, message: 'Hi' } }, asker.token);
      expect(errorCode(tooShort)).toBe('BAD_USER_INPUT');
      const notOpen = await t.gql(REQUEST, { input: { to: closed.globalId, message: MESSAGE } }, asker.token);
      expect(errorCode(notOpen)).toBe('FORBIDDEN');

      expect(await counts(t)).toEqual(before);
      expect(await unread(asked)).toBe(1);
      expect(await unread(closed)).toBe(0);
    });

    it('keeps no notification or email of an event that fails at commit, after its notices were queued', async () => {
      const asker = await person(t);
      const asked = await person(t);
      const before = await counts(t);
      // A constraint checked at COMMIT, i.e. after the service has written the introduction
      // and queued its notices: if they were not in the same transaction they would stay.
      await t.db.query(
        `CREATE FUNCTION test_refuse_introduction() RETURNS trigger LANGUAGE plpgsql AS $$
         BEGIN RAISE EXCEPTION 'refused at commit'; END $$`,
      );
      await t.db.query(
        `CREATE CONSTRAINT TRIGGER test_refuse_introduction AFTER INSERT ON introductions
           DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
           WHEN (NEW.target_id = '${asked.id}'::uuid) EXECUTE FUNCTION test_refuse_introduction()`,
      );
      try {
        const result = await t.gql(REQUEST, { input: { to: asked.globalId, message: MESSAGE } }, asker.token);
        expect(result.errors).toHaveLength(1);
        expect(result.errors?.[0].message).not.toContain('refused at commit');
      } finally {
        await t.db.query('DROP TRIGGER test_refuse_introduction ON introductions');
        await t.db.query('DROP FUNCTION test_refuse_introduction()');
      }
      expect(await counts(t)).toEqual(before);
      expect(await unread(asked)).toBe(0);
      // Once the fault is gone, the same request goes through with its notice and email.
      await requestIntroduction(t, asker, asked);
      expect(await unread(asked)).toBe(1);
      expect(await deliveriesTo(t, asked)).toEqual([expect.objectContaining({ status: 'PENDING', attempts: 0 })]);
    });

    it('tells people with the longest names about a brokered request (the subject is fitted to its column)', async () => {
      const long = (name: string) => `${name} ${'Longname-'.repeat(20)}`.slice(0, 120);
      const asker = await person(t, { fullName: long('Asker') });
      const broker = await person(t, { fullName: long('Broker') });
      const asked = await person(t, { fullName: long('Asked') });
      await t.db.query(
        `INSERT INTO connections (practitioner_a_id, practitioner_b_id, origin)
         VALUES (LEAST($1::uuid, $2::uuid), GREATEST($1::uuid, $2::uuid), 'WORKED_TOGETHER'),
                (LEAST($2::uuid, $3::uuid), GREATEST($2::uuid, $3::uuid), 'WORKED_TOGETHER')`,
        [asker.id, broker.id, asked.id],
      );
      const id = await requestIntroduction(t, asker, asked, { via: broker.globalId });
      const [told] = (await mine(broker)).edges.map((edge) => edge.node);
      expect(told.kind).toBe('INTRODUCTION_BROKER_REQUESTED');
      expect(told.subject.length).toBeLessThanOrEqual(200);
      expect(told.subject.startsWith(`${long('Asker')} asks you to introduce them to Asked`)).toBe(true);
      expect(told.body).toContain(long('Asked'));

      await accept(t, broker, id);
      const [passedOn] = (await mine(asker)).edges.map((edge) => edge.node);
      expect(passedOn.kind).toBe('INTRODUCTION_PASSED_ON');
      expect(passedOn.subject.length).toBeLessThanOrEqual(200);
    });

    it('writes each email once to the mail directory, complete and with a stable Message-ID, and marks it sent', async () => {
      const asker = await person(t);
      const asked = await person(t);
      await accept(t, asked, await requestIntroduction(t, asker, asked));
      const ours = [...(await deliveriesTo(t, asked)), ...(await deliveriesTo(t, asker))];
      expect(ours.map((row) => row.status)).toEqual(['PENDING', 'PENDING', 'PENDING']);

      await drain(worker);

      const all = await t.db.query<{ id: string; status: string; attempts: number }[]>(
        'SELECT id, status, attempts FROM notification_deliveries',
      );
      expect(all.every((row) => row.status === 'SENT' && row.attempts === 1)).toBe(true);
      // One file per delivery, named after its Message-ID.
      const files = emlFiles(t.config.mailDir).sort();
      const expected = all.map((row) => `${messageIdFor(row.id, MAIL_FROM).replace(/[<>]/g, '')}.eml`).sort();
      expect(files).toEqual(expected);
      expect(readdirSync(t.config.mailDir).filter((name) => !name.endsWith('.eml'))).toEqual([]);
      expect(statSync(t.config.mailDir).mode & 0o077).toBe(0);

      const [hash] = await t.db.query<{ password_hash: string }[]>('SELECT password_hash FROM accounts WHERE id = $1', [
        asked.id,
      ]);
      for (const before of ours) {
        const row = await delivery(t, before.id);
        expect(row).toMatchObject({ status: 'SENT', attempts: 1, lockedUntil: null, lastError: null });
        expect(row.sentAt).toBeInstanceOf(Date);
        const file = join(t.config.mailDir, `${messageIdFor(row.id, MAIL_FROM).replace(/[<>]/g, '')}.eml`);
        expect(statSync(file).mode & 0o077).toBe(0);
        const raw = readFileSync(file, 'utf8');
        const mail = parseMail(raw);
        expect(mail.headers.get('message-id')).toBe(messageIdFor(row.id, MAIL_FROM));
        expect(messageIdFor(row.id, MAIL_FROM)).toBe(`<${row.id}@mail.cohesion.test>`);
        expect(mail.headers.get('to')).toBe(row.recipientAddress);
        expect(mail.headers.get('from')).toBe(MAIL_FROM);
        expect(mail.headers.get('subject')).toBe(row.subject);
        expect(mail.text).toContain(row.body);
        expect(mail.text).toContain(`Open it: ${t.config.publicUrl}${row.link}`);
        for (const secret of [t.config.jwtSecret, TEST_PASSWORD, hash.password_hash]) {
          expect(raw).not.toContain(secret);
        }
      }
      expect(ours.map((row) => row.recipientAddress).sort()).toEqual([asked.email, asked.email, asker.email].sort());

      // Sent means done: another round sends nothing and writes nothing.
      expect(await worker.runOnce()).toBe(0);
      expect(emlFiles(t.config.mailDir)).toHaveLength(files.length);
    });

    it('after a crash between sending and marking, sends again with the same Message-ID and keeps one file', async () => {
      await drain(worker);
      const asker = await person(t);
      const asked = await person(t);
      await requestIntroduction(t, asker, asked);
      const sender = t.app.get(MailSender);
      const sent: OutgoingMail[] = [];
      const send = sender.send.bind(sender);
      const spy = jest.spyOn(sender, 'send').mockImplementation(async (mail: OutgoingMail) => {
        sent.push(mail);
        await send(mail);
      });
      try {
        // The worker claims the delivery and sends it, then "dies" before marking it sent.
        const claimed = await worker.claim();
        if (!claimed) throw new Error('Nothing was claimed');
        expect(claimed).toMatchObject({ recipientAddress: asked.email, attempts: 1 });
        expect(await worker.claim()).toBeUndefined();
        await worker.send(claimed);
        const messageId = messageIdFor(claimed.id, MAIL_FROM);
        const filesWithIt = () =>
          emlFiles(t.config.mailDir).filter(
            (name) =>
              parseMail(readFileSync(join(t.config.mailDir, name), 'utf8')).headers.get('message-id') === messageId,
          );
        expect(filesWithIt()).toHaveLength(1);
        expect(await delivery(t, claimed.id)).toMatchObject({ status: 'PENDING', attempts: 1, sentAt: null });

        // Nobody takes it over while the lease holds; once it runs out, it is sent again.
        expect(await worker.runOnce()).toBe(0);
        expect(sent).toHaveLength(1);
        await waitFor('the lease to run out', async () => ((await worker.runOnce()) > 0 ? true : undefined), 10_000);

        expect(sent.map((mail) => mail.messageId)).toEqual([messageId, messageId]);
        expect(await delivery(t, claimed.id)).toMatchObject({ status: 'SENT', attempts: 2, lockedUntil: null });
        expect(filesWithIt()).toHaveLength(1);
        expect(readdirSync(t.config.mailDir).filter((name) => name.startsWith('.partial-'))).toEqual([]);
        expect(await worker.runOnce()).toBe(0);
      } finally {
        spy.mockRestore();
      }
    });
  });

  describe('retrying when the mail server refuses', () => {
    const BASE_MS = 500;
    let t: TestApp;
    let worker: NotificationDeliveryWorker;
    let server: SMTPServer;
    const recipients: string[] = [];

    beforeAll(async () => {
      // Greylisting, as a real server answers it: a temporary refusal that names the address.
      server = new SMTPServer({
        logger: false,
        authOptional: true,
        disabledCommands: ['STARTTLS', 'AUTH'],
        onRcptTo(address, _session, callback) {
          recipients.push(address.address);
          const error = new Error(
            `4.2.0 <${address.address}>: Recipient address rejected: Greylisted, try again later`,
          ) as Error & { responseCode: number };
          error.responseCode = 450;
          callback(error);
        },
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const { port } = server.server.address() as AddressInfo;
      t = await createTestApp({
        MAIL_FROM,
        MAIL_TRANSPORT: 'smtp',
        SMTP_URL: `smtp://127.0.0.1:${port}`,
        NOTIFY_MAX_ATTEMPTS: '3',
        NOTIFY_RETRY_BASE_MS: String(BASE_MS),
      });
      worker = t.app.get(NotificationDeliveryWorker);
    });
    afterAll(async () => {
      await t?.close();
      await new Promise<void>((resolve) => (server ? server.close(resolve) : resolve()));
    });

    const dbNow = async (): Promise<number> =>
      (await t.db.query<{ now: Date }[]>('SELECT now() AS now'))[0].now.getTime();

    it('retries with growing gaps, keeps the reason but not the address, and gives up after NOTIFY_MAX_ATTEMPTS', async () => {
      const asker = await person(t);
      const asked = await person(t);
      await requestIntroduction(t, asker, asked);
      const [{ id }] = await deliveriesTo(t, asked);

      const gaps: number[] = [];
      for (let attempt = 1; attempt <= 3; attempt++) {
        // The round that takes the delivery, bracketed by the database clock.
        const { before, after } = await waitFor(
          `attempt ${attempt}`,
          async () => {
            const start = await dbNow();
            if ((await worker.runOnce()) === 0) return undefined;
            return { before: start, after: await dbNow() };
          },
          10_000,
          25,
        );
        const row = await delivery(t, id);
        expect(recipients).toHaveLength(attempt);
        expect(row.attempts).toBe(attempt);
        expect(row.lockedUntil).toBeNull();
        expect(row.sentAt).toBeNull();
        expect(row.lastError).toContain('450');
        expect(row.lastError).toContain('Greylisted');
        expect(row.lastError).not.toContain(asked.email);
        expect(row.lastError).not.toContain(asked.email.split('@')[0]);
        if (attempt < 3) {
          expect(row.status).toBe('PENDING');
          // base × 2^(attempt-1), give or take the 20% jitter.
          const delay = BASE_MS * 2 ** (attempt - 1);
          const next = row.nextAttemptAt.getTime();
          expect(next - before).toBeGreaterThanOrEqual(0.8 * delay);
          expect(next - after).toBeLessThanOrEqual(1.2 * delay);
          gaps.push(next - before);
          // Not taken again before it is due.
          expect(await worker.runOnce()).toBe(0);
          expect(recipients).toHaveLength(attempt);
        } else {
          expect(row.status).toBe('FAILED');
        }
      }
      expect(gaps[1]).toBeGreaterThan(gaps[0]);
      expect(recipients.every((address) => address === asked.email)).toBe(true);

      // Failed for good: never claimed again, however long ago it was due.
      await t.db.query(`UPDATE notification_deliveries SET next_attempt_at = now() - interval '1 hour' WHERE id = $1`, [
        id,
      ]);
      expect(await worker.runOnce()).toBe(0);
      expect(recipients).toHaveLength(3);
      expect(await delivery(t, id)).toMatchObject({ status: 'FAILED', attempts: 3 });
    });
  });

  describe('a mail server too slow to finish within the lease', () => {
    const LEASE_SECONDS = 3;
    // Every step answers within the transport's own timeouts (a quarter of the lease);
    // together they take longer than the lease.
    const STEP_MS = 700;
    let t: TestApp;
    let worker: NotificationDeliveryWorker;
    let server: SMTPServer;
    const received: string[] = [];

    beforeAll(async () => {
      const slowly = (callback: (error?: Error | null) => void) => setTimeout(() => callback(), STEP_MS);
      server = new SMTPServer({
        logger: false,
        disabledCommands: ['STARTTLS'],
        allowInsecureAuth: true,
        onConnect: (_session, callback) => slowly(callback),
        onAuth: (_auth, _session, callback) => setTimeout(() => callback(null, { user: 'mailer' }), STEP_MS),
        onMailFrom: (_address, _session, callback) => slowly(callback),
        onRcptTo: (_address, _session, callback) => slowly(callback),
        onData(stream: SMTPServerDataStream, _session, callback) {
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('end', () => {
            received.push(parseMail(Buffer.concat(chunks).toString('utf8')).headers.get('message-id') ?? '');
            callback();
          });
        },
      });
      server.on('error', () => undefined);
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const { port } = server.server.address() as AddressInfo;
      t = await createTestApp({
        MAIL_FROM,
        MAIL_TRANSPORT: 'smtp',
        SMTP_URL: `smtp://mailer:secret@127.0.0.1:${port}`,
        NOTIFY_LEASE_SECONDS: String(LEASE_SECONDS),
      });
      worker = t.app.get(NotificationDeliveryWorker);
    });
    afterAll(async () => {
      await t?.close();
      await new Promise<void>((resolve) => (server ? server.close(resolve) : resolve()));
    });

    it('abandons the send before the lease ends, with nothing delivered, and tries again later', async () => {
      const asker = await person(t);
      const asked = await person(t);
      await requestIntroduction(t, asker, asked);
      const [{ id }] = await deliveriesTo(t, asked);

      const started = Date.now();
      expect(await worker.runOnce()).toBe(1);
      const took = Date.now() - started;
      // Over and recorded inside the lease: no other worker could have taken it meanwhile.
      expect(took).toBeLessThan(LEASE_SECONDS * 1000);
      expect(received).toEqual([]);
      const row = await delivery(t, id);
      expect(row).toMatchObject({ status: 'PENDING', attempts: 1, lockedUntil: null, sentAt: null });
      expect(row.lastError).toMatch(/abort/i);
      expect(row.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() - 1000);
    });
  });

  describe('worker processes', () => {
    let t: TestApp;
    const children = new Set<ChildProcess>();
    const scratch = mkdtempSync(join(tmpdir(), 'cohesion-worker-'));

    beforeAll(async () => {
      t = await createTestApp({ MAIL_FROM });
    });
    afterAll(async () => {
      for (const child of children) child.kill('SIGKILL');
      await t?.close();
      rmSync(scratch, { recursive: true, force: true });
    });

    interface WorkerProcess {
      child: ChildProcess;
      output: string[];
      exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
    }

    function startWorker(env: Record<string, string>): WorkerProcess {
      const child = spawn(process.execPath, ['dist/apps/worker/src/main.js'], {
        env: {
          PATH: process.env.PATH ?? '',
          NODE_ENV: 'production',
          JWT_SECRET: randomBytes(32).toString('base64url'),
          LOG_LEVEL: 'info',
          LOG_FORMAT: 'json',
          DATA_DIR: scratch,
          MAIL_DIR: join(scratch, 'mail'),
          DATABASE_URL: t.database.url,
          DATABASE_POOL_SIZE: '2',
          MAIL_FROM,
          MAIL_TRANSPORT: 'smtp',
          NOTIFY_LEASE_SECONDS: '1',
          WORKER_POLL_MS: '100',
          ...env,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      children.add(child);
      const output: string[] = [];
      child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString('utf8')));
      child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString('utf8')));
      const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
        child.once('exit', (code, signal) => {
          children.delete(child);
          resolve({ code, signal });
        }),
      );
      return { child, output, exited };
    }

    async function stop(worker: WorkerProcess, signal: NodeJS.Signals): Promise<void> {
      if (worker.child.exitCode !== null || worker.child.signalCode !== null) return;
      worker.child.kill(signal);
      const timer = setTimeout(() => worker.child.kill('SIGKILL'), 15_000);
      await worker.exited;
      clearTimeout(timer);
    }

    it('sends again after the lease runs out, with the same Message-ID, and records it sent once', async () => {
      const password = randomBytes(12).toString('hex');
      const logins: string[] = [];
      const received: { messageId: string | undefined; mail: ParsedMail }[] = [];
      let first: WorkerProcess | undefined;
      let onFirstMessage: (() => Promise<void>) | undefined;
      const server = new SMTPServer({
        logger: false,
        disabledCommands: ['STARTTLS'],
        allowInsecureAuth: true,
        onAuth(auth, _session, callback) {
          logins.push(`${auth.username}:${auth.password === password}`);
          if (auth.username === 'mailer' && auth.password === password) callback(null, { user: 'mailer' });
          else callback(new Error('Invalid username or password'));
        },
        onData(stream: SMTPServerDataStream, _session, callback) {
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('end', () => {
            const mail = parseMail(Buffer.concat(chunks).toString('utf8'));
            received.push({ messageId: mail.headers.get('message-id'), mail });
            if (received.length === 1 && onFirstMessage) {
              // The whole message is here; the worker dies before it hears "250 OK".
              void onFirstMessage().then(() => callback());
            } else {
              callback();
            }
          });
        },
      });
      server.on('error', () => undefined);
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const { port } = server.server.address() as AddressInfo;
      const env = { SMTP_URL: `smtp://mailer:${password}@127.0.0.1:${port}` };
      const workers: WorkerProcess[] = [];
      const logs = () => workers.map((worker) => worker.output.join('')).join('\n--- next worker ---\n');

      try {
        const asker = await person(t);
        const asked = await person(t);
        await requestIntroduction(t, asker, asked);
        const [pending] = await deliveriesTo(t, asked);
        expect(pending).toMatchObject({ status: 'PENDING', attempts: 0 });
        const messageId = messageIdFor(pending.id, MAIL_FROM);

        onFirstMessage = async () => {
          (first as WorkerProcess).child.kill('SIGKILL');
          await (first as WorkerProcess).exited;
        };
        first = startWorker(env);
        workers.push(first);
        const firstExit = await within(first.exited, 45_000, () => `The first worker sent nothing:\n${logs()}`);
        expect(firstExit.signal).toBe('SIGKILL');
        expect(received).toHaveLength(1);
        expect(received[0].messageId).toBe(messageId);
        // The mail server has it; the outbox still says it is due (after the lease).
        const between = await delivery(t, pending.id);
        expect(between).toMatchObject({ status: 'PENDING', attempts: 1, sentAt: null });
        expect(between.lockedUntil).not.toBeNull();

        const second = startWorker(env);
        workers.push(second);
        const sent = await waitFor(
          'the second worker to send and mark the delivery',
          async () => {
            if (second.child.exitCode !== null) throw new Error(`The second worker exited:\n${logs()}`);
            const row = await delivery(t, pending.id);
            return row.status === 'SENT' ? row : undefined;
          },
          45_000,
          100,
        );
        await stop(second, 'SIGTERM');

        expect(sent).toMatchObject({ status: 'SENT', attempts: 2, lockedUntil: null, lastError: null });
        expect(received.map((message) => message.messageId)).toEqual([messageId, messageId]);
        for (const { mail } of received) {
          expect(mail.headers.get('to')).toBe(asked.email);
          expect(mail.headers.get('subject')).toBe(pending.subject);
          expect(mail.text).toContain(pending.body);
        }
        expect(logins).toEqual(['mailer:true', 'mailer:true']);
        expect(logs()).toContain('Cohesion Network worker running');
        expect(logs()).not.toContain(password);
      } finally {
        await Promise.all(workers.map((worker) => stop(worker, 'SIGKILL')));
        await new Promise<void>((resolve) => server.close(resolve));
      }
    }, 120_000);

    it('two workers and a slow mail server deliver each email exactly once', async () => {
      const EMAILS = 50;
      const ANSWER_DELAY_MS = 300;
      // A slow server: it has the whole message, then takes its time to say "250 OK".
      const received: string[] = [];
      const server = new SMTPServer({
        logger: false,
        authOptional: true,
        disabledCommands: ['STARTTLS', 'AUTH'],
        onData(stream: SMTPServerDataStream, _session, callback) {
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('end', () => {
            received.push(parseMail(Buffer.concat(chunks).toString('utf8')).headers.get('message-id') ?? '');
            setTimeout(() => callback(), ANSWER_DELAY_MS);
          });
        },
      });
      server.on('error', () => undefined);
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const { port } = server.server.address() as AddressInfo;
      // The lease (2 s) holds a few messages, not a batch of them.
      const env = { SMTP_URL: `smtp://127.0.0.1:${port}`, NOTIFY_LEASE_SECONDS: '2' };
      const workers: WorkerProcess[] = [];
      const logs = () => workers.map((worker) => worker.output.join('')).join('\n--- next worker ---\n');
      try {
        const asked = await person(t);
        await t.db.query(
          `WITH made AS (
             INSERT INTO notifications (recipient_id, kind, subject, body)
             SELECT $1, 'INTRODUCTION_REQUESTED', 'Notice ' || i, 'Body of notice ' || i FROM generate_series(1, $2) AS i
             RETURNING id)
           INSERT INTO notification_deliveries (notification_id, recipient_address) SELECT id, $3 FROM made`,
          [asked.id, EMAILS, asked.email],
        );
        const ours = await deliveriesTo(t, asked);
        expect(ours).toHaveLength(EMAILS);

        workers.push(startWorker(env), startWorker(env));
        await waitFor(
          'both workers to send every email',
          async () => {
            for (const worker of workers) {
              if (worker.child.exitCode !== null) throw new Error(`A worker exited:\n${logs()}`);
            }
            const [{ left }] = await t.db.query<{ left: number }[]>(
              `SELECT count(*)::int AS left FROM notification_deliveries WHERE status <> 'SENT'`,
            );
            return left === 0 ? true : undefined;
          },
          90_000,
          100,
        );
        // Stopped gracefully: a round still in progress ends first.
        await Promise.all(workers.map((worker) => stop(worker, 'SIGTERM')));

        const times = new Map<string, number>();
        for (const messageId of received) times.set(messageId, (times.get(messageId) ?? 0) + 1);
        const duplicates = [...times.values()].reduce((sum, count) => sum + count - 1, 0);
        expect({ duplicates, distinct: times.size }).toEqual({ duplicates: 0, distinct: EMAILS });
        expect([...times.keys()].sort()).toEqual(ours.map((row) => messageIdFor(row.id, MAIL_FROM)).sort());
        const rows = await deliveriesTo(t, asked);
        expect(rows.every((row) => row.status === 'SENT' && row.lastError === null)).toBe(true);
        expect(nodeWarnings(logs())).toEqual([]);
      } finally {
        await Promise.all(workers.map((worker) => stop(worker, 'SIGKILL')));
        await new Promise<void>((resolve) => server.close(resolve));
      }
    }, 120_000);
  });
});
