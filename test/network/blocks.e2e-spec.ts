import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { toGlobalId } from '@cohesion/common';
import { IntroductionExpiryTask } from '@cohesion/network';
import { NotificationDeliveryWorker } from '@cohesion/notifications';
import {
  connect,
  createOrganisation,
  createPractitioner,
  createTestApp,
  errorCode,
  type PractitionerOverrides,
  type TestApp,
  type TestPractitioner,
} from '@cohesion/testing';

const MESSAGE = 'We both run youth forums in Walsall; could we compare notes?';
const REQUEST = `mutation ($input: RequestIntroductionInput!) { requestIntroduction(input: $input) { id } }`;
const RESPOND = `mutation ($input: RespondToIntroductionInput!) { respondToIntroduction(input: $input) { id } }`;
const PROPOSE = `mutation ($input: ProposePartnershipInput!) { proposePartnership(input: $input) { id } }`;
const END = `mutation ($id: ID!) { endPartnership(id: $id) }`;
const BLOCK = `mutation ($id: ID!) { blockPractitioner(practitionerId: $id) }`;
const MINE = `query { myNotifications(first: 50) { totalCount edges { node { id kind } } } unreadNotificationCount }`;

/** Every kind of notice the product sends; the sweep below makes each one and checks it against blocks. */
const NOTICE_KINDS = [
  'CONNECTION_MADE',
  'INTRODUCTION_ACCEPTED',
  'INTRODUCTION_BROKER_REQUESTED',
  'INTRODUCTION_EXPIRED',
  'INTRODUCTION_NOT_ACCEPTED',
  'INTRODUCTION_PASSED_ON',
  'INTRODUCTION_REQUESTED',
  'PARTNERSHIP_PROPOSED',
];

interface NoticeRow {
  id: string;
  recipientId: string;
  kind: string;
  aboutIds: string[];
}

describe('blocks apply to every path that notifies one person of another', () => {
  let t: TestApp;
  let n = 0;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  function person(overrides: PractitionerOverrides = {}): Promise<TestPractitioner> {
    n++;
    return createPractitioner(t, { fullName: `Blocks Person ${n}`, ...overrides });
  }

  async function introduce(from: TestPractitioner, to: TestPractitioner, via?: TestPractitioner): Promise<string> {
    const result = await t.gql<{ requestIntroduction: { id: string } }>(
      REQUEST,
      { input: { to: to.globalId, message: MESSAGE, via: via?.globalId } },
      from.token,
    );
    expect(result.errors).toBeUndefined();
    return result.data.requestIntroduction.id;
  }

  async function respond(who: TestPractitioner, id: string, accept: boolean): Promise<void> {
    expect((await t.gql(RESPOND, { input: { id, accept } }, who.token)).errors).toBeUndefined();
  }

  async function block(blocker: TestPractitioner, blocked: TestPractitioner): Promise<void> {
    expect((await t.gql(BLOCK, { id: blocked.globalId }, blocker.token)).errors).toBeUndefined();
  }

  async function noticesTo(who: TestPractitioner): Promise<{ notifications: number; emails: number }> {
    const [row] = await t.db.query<{ notifications: number; emails: number }[]>(
      `SELECT count(DISTINCT n.id)::int AS notifications, count(d.id)::int AS emails
         FROM notifications n LEFT JOIN notification_deliveries d ON d.notification_id = n.id
        WHERE n.recipient_id = $1`,
      [who.id],
    );
    return row;
  }

  it('a blocked person cannot reach you through partnership proposals, and cycling them is limited', async () => {
    const victim = await person();
    const colleague = await person();
    const blockedByMallory = await person();
    const theirs = await createOrganisation(t, { name: 'Blocks Victim Group' });
    for (const admin of [victim, colleague, blockedByMallory]) {
      await t.db.query(`INSERT INTO role_grants (account_id, role, organisation_id) VALUES ($1, 'ORG_ADMIN', $2)`, [
        admin.id,
        theirs.id,
      ]);
    }
    const mine = await createOrganisation(t, { name: 'You Cannot Block Me' });
    const mallory = await person({ roles: [{ role: 'ORG_ADMIN', organisationId: mine.id }] });
    await block(victim, mallory);
    await block(mallory, blockedByMallory);

    const outcomes: (string | undefined)[] = [];
    for (let cycle = 0; cycle < 4; cycle++) {
      const proposed = await t.gql<{ proposePartnership: { id: string } }>(
        PROPOSE,
        { input: { organisationId: mine.globalId, partnerId: theirs.globalId, kind: 'PARTNERS_WITH' } },
        mallory.token,
      );
      outcomes.push(errorCode(proposed));
      if (!proposed.errors) await t.gql(END, { id: proposed.data.proposePartnership.id }, mallory.token);
    }
    // The first proposal stands (the other admins may want it); the pair is not asked again for 30 days.
    expect(outcomes).toEqual([undefined, 'CONFLICT', 'CONFLICT', 'CONFLICT']);
    // Blocked either way: no notice, no email.
    expect(await noticesTo(victim)).toEqual({ notifications: 0, emails: 0 });
    expect(await noticesTo(blockedByMallory)).toEqual({ notifications: 0, emails: 0 });
    expect(await noticesTo(colleague)).toEqual({ notifications: 1, emails: 1 });
  });

  it('holds the pair limit under concurrent proposals, whichever side and kind', async () => {
    const one = await createOrganisation(t);
    const other = await createOrganisation(t);
    const admin = await person({
      roles: [
        { role: 'ORG_ADMIN', organisationId: one.id },
        { role: 'ORG_ADMIN', organisationId: other.id },
      ],
    });
    const inputs = [
      { organisationId: one.globalId, partnerId: other.globalId, kind: 'PARTNERS_WITH' },
      { organisationId: one.globalId, partnerId: other.globalId, kind: 'MEMBER_OF' },
      { organisationId: other.globalId, partnerId: one.globalId, kind: 'MEMBER_OF' },
    ];
    const results = await Promise.all(inputs.map((input) => t.gql(PROPOSE, { input }, admin.token)));
    expect(results.map(errorCode).sort()).toEqual(['CONFLICT', 'CONFLICT', undefined]);
    const [{ count }] = await t.db.query<{ count: number }[]>(
      'SELECT count(*)::int AS count FROM partnership_proposals WHERE organisation_id = ANY($1::uuid[])',
      [[one.id, other.id]],
    );
    expect(count).toBe(1);
  });

  it('limits one person to 10 partnership proposals a day', async () => {
    const ours = await createOrganisation(t);
    const admin = await person({ roles: [{ role: 'ORG_ADMIN', organisationId: ours.id }] });
    const outcomes: (string | undefined)[] = [];
    for (let i = 0; i < 11; i++) {
      const partner = await createOrganisation(t);
      const result = await t.gql(
        PROPOSE,
        { input: { organisationId: ours.globalId, partnerId: partner.globalId, kind: 'PARTNERS_WITH' } },
        admin.token,
      );
      outcomes.push(errorCode(result));
      if (i === 10) expect(result.errors?.[0].message).toContain('10 partnership proposals today');
    }
    expect(outcomes).toEqual([...Array<undefined>(10).fill(undefined), 'CONFLICT']);
    await t.db.query(
      `UPDATE partnership_proposals SET created_at = now() - interval '25 hours' WHERE proposed_by = $1`,
      [admin.id],
    );
    const tomorrow = await t.gql(
      PROPOSE,
      {
        input: { organisationId: ours.globalId, partnerId: (await createOrganisation(t)).globalId, kind: 'MEMBER_OF' },
      },
      admin.token,
    );
    expect(tomorrow.errors).toBeUndefined();
  });

  it('every kind of notice names its people; once a block arises it is neither shown nor emailed', async () => {
    await t.db.query('DELETE FROM notifications');
    const requester = await person();
    const broker = await person();
    const target = await person();
    const declined = await person();
    const lapsed = await person();
    const other = await person();
    await connect(t, requester.id, broker.id);
    await connect(t, broker.id, target.id);

    // Brokered, passed on and accepted: asked to broker, asked to connect, passed on, accepted, connected.
    const brokered = await introduce(requester, target, broker);
    await respond(broker, brokered, true);
    await respond(target, brokered, true);
    // Declined: not accepted. Lapsed: expired. Still open: asked to connect.
    await respond(target, await introduce(declined, target), false);
    const lapsing = await introduce(lapsed, target);
    await t.db.query(`UPDATE introductions SET expires_at = now() - interval '1 minute' WHERE id = $1`, [
      Buffer.from(lapsing, 'base64url').toString().split(':')[1],
    ]);
    await t.app.get(IntroductionExpiryTask).runOnce();
    await introduce(other, target);
    // A partnership proposal to an organisation the target runs.
    const ours = await createOrganisation(t);
    const theirs = await createOrganisation(t);
    const proposer = await person({ roles: [{ role: 'ORG_ADMIN', organisationId: ours.id }] });
    await t.db.query(`INSERT INTO role_grants (account_id, role, organisation_id) VALUES ($1, 'ORG_ADMIN', $2)`, [
      target.id,
      theirs.id,
    ]);
    await t.gql(
      PROPOSE,
      { input: { organisationId: ours.globalId, partnerId: theirs.globalId, kind: 'PARTNERS_WITH' } },
      proposer.token,
    );

    const rows = await t.db.query<NoticeRow[]>(
      `SELECT id, recipient_id AS "recipientId", kind, about_ids::text[] AS "aboutIds" FROM notifications`,
    );
    expect([...new Set(rows.map((row) => row.kind))].sort()).toEqual(NOTICE_KINDS);
    // Each names everyone it is about (never its own recipient).
    const named = (row: NoticeRow) => [...row.aboutIds].sort();
    const byKind = (kind: string) => rows.filter((row) => row.kind === kind);
    const ids = (...people: TestPractitioner[]) => people.map((who) => who.id).sort();
    expect(byKind('INTRODUCTION_BROKER_REQUESTED').map(named)).toEqual([ids(requester, target)]);
    expect(byKind('INTRODUCTION_PASSED_ON').map(named)).toEqual([ids(broker, target)]);
    expect(byKind('INTRODUCTION_ACCEPTED').map(named)).toEqual([ids(broker, target)]);
    expect(byKind('CONNECTION_MADE').map(named)).toEqual([ids(requester, broker)]);
    expect(byKind('INTRODUCTION_NOT_ACCEPTED').map(named)).toEqual([ids(target)]);
    expect(byKind('INTRODUCTION_EXPIRED').map(named)).toEqual([ids(target)]);
    expect(byKind('PARTNERSHIP_PROPOSED').map(named)).toEqual([ids(proposer)]);
    expect(rows.every((row) => row.aboutIds.length > 0 && !row.aboutIds.includes(row.recipientId))).toBe(true);

    // Blocks arise after the notices were queued, one in each direction.
    await block(target, requester);
    await block(proposer, target);
    const blockedPairs = new Set([`${target.id}:${requester.id}`, `${proposer.id}:${target.id}`]);
    const isBlocked = (one: string, two: string) =>
      blockedPairs.has(`${one}:${two}`) || blockedPairs.has(`${two}:${one}`);
    const hidden = (row: NoticeRow) => row.aboutIds.some((about) => isBlocked(row.recipientId, about));
    expect(
      rows
        .filter(hidden)
        .map((row) => row.kind)
        .sort(),
    ).toEqual([
      'CONNECTION_MADE',
      'INTRODUCTION_ACCEPTED',
      'INTRODUCTION_PASSED_ON',
      'INTRODUCTION_REQUESTED',
      'PARTNERSHIP_PROPOSED',
    ]);

    for (const who of [requester, broker, target, declined, lapsed, other, proposer]) {
      const seen = await t.gql<{
        myNotifications: { totalCount: number; edges: { node: { id: string } }[] };
        unreadNotificationCount: number;
      }>(MINE, {}, who.token);
      const expected = rows.filter((row) => row.recipientId === who.id && !hidden(row));
      const shown = seen.data.myNotifications.edges.map((edge) => edge.node.id);
      expect(shown.sort()).toEqual(expected.map((row) => toGlobalId('Notification', row.id)).sort());
      expect(seen.data.myNotifications.totalCount).toBe(expected.length);
      expect(seen.data.unreadNotificationCount).toBe(expected.length);
      const marked = await t.gql<{ markNotificationsRead: number }>(
        `mutation { markNotificationsRead(input: { all: true }) }`,
        {},
        who.token,
      );
      expect(marked.data.markNotificationsRead).toBe(expected.length);
    }
    for (const row of rows.filter(hidden)) {
      const node = await t.gql<{ node: unknown }>(
        `query ($id: ID!) { node(id: $id) { id } }`,
        { id: toGlobalId('Notification', row.id) },
        await t.tokenFor({ id: row.recipientId }),
      );
      expect(node.data.node).toBeNull();
    }

    // The outbox sends the rest and cancels the emails between blocked people.
    const worker = t.app.get(NotificationDeliveryWorker);
    while ((await worker.runOnce()) > 0);
    const deliveries = await t.db.query<{ id: string; status: string }[]>(
      `SELECT n.id, d.status FROM notification_deliveries d JOIN notifications n ON n.id = d.notification_id`,
    );
    for (const delivery of deliveries) {
      const row = rows.find((candidate) => candidate.id === delivery.id) as NoticeRow;
      expect([row.kind, delivery.status]).toEqual([row.kind, hidden(row) ? 'CANCELLED' : 'SENT']);
    }
    expect(deliveries).toHaveLength(rows.length);
  });
});
