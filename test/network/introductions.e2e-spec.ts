import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { IntroductionExpiryTask } from '@cohesion/network';
import {
  connect,
  countRows,
  createPractitioner,
  createTestApp,
  errorCode,
  errorFields,
  type GqlResult,
  type PractitionerOverrides,
  type TestApp,
  type TestPractitioner,
} from '@cohesion/testing';

const REQUEST = `mutation Request($input: RequestIntroductionInput!) {
  requestIntroduction(input: $input) {
    id status viewerRole message origin expiresAt awaitingYou canWithdraw
    requester { fullName } target { fullName } broker { fullName }
  } }`;
const RESPOND = `mutation Respond($input: RespondToIntroductionInput!) {
  respondToIntroduction(input: $input) { id status viewerRole brokerNote responseNote awaitingYou } }`;
const WITHDRAW = `mutation Withdraw($id: ID!) { withdrawIntroduction(id: $id) { id status canWithdraw } }`;
const MINE = `query Mine($role: IntroductionRole, $status: IntroductionStatus) {
  myIntroductions(role: $role, status: $status, first: 50) {
    totalCount
    edges { node { id status viewerRole message brokerNote responseNote awaitingYou requester { fullName } } }
  } }`;
const PROFILE = `query Profile($id: ID!) { practitioner(id: $id) { fullName connectedToYou contact { email phone } } }`;
const NODE = `query Node($id: ID!) { node(id: $id) { id ... on Introduction { status } } }`;

interface IntroductionView {
  id: string;
  status: string;
  viewerRole: string;
  message: string;
  brokerNote: string | null;
  responseNote: string | null;
  awaitingYou: boolean;
  canWithdraw?: boolean;
}

const MESSAGE = 'We both run youth forums in Walsall; could we compare notes?';

describe('introductions', () => {
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
    return createPractitioner(t, { fullName: `Person ${n} Intro`, ...overrides });
  }

  async function request(
    from: TestPractitioner,
    to: TestPractitioner,
    extra: Record<string, unknown> = {},
  ): Promise<{ id: string; result: GqlResult<{ requestIntroduction: IntroductionView & { expiresAt: string } }> }> {
    const result = await t.gql<{ requestIntroduction: IntroductionView & { expiresAt: string } }>(
      REQUEST,
      { input: { to: to.globalId, message: MESSAGE, ...extra } },
      from.token,
    );
    return { id: result.data?.requestIntroduction?.id, result };
  }

  async function respond(who: TestPractitioner, id: string, accept: boolean, note?: string) {
    return t.gql<{ respondToIntroduction: IntroductionView }>(RESPOND, { input: { id, accept, note } }, who.token);
  }

  async function mine(who: TestPractitioner, variables: Record<string, unknown> = {}): Promise<IntroductionView[]> {
    const result = await t.gql<{ myIntroductions: { edges: { node: IntroductionView }[] } }>(
      MINE,
      variables,
      who.token,
    );
    expect(result.errors).toBeUndefined();
    return result.data.myIntroductions.edges.map((edge) => edge.node);
  }

  async function notices(who: TestPractitioner): Promise<{ kind: string; subject: string; body: string }[]> {
    return t.db.query(
      'SELECT kind, subject, body FROM notifications WHERE recipient_id = $1 ORDER BY created_at, kind',
      [who.id],
    );
  }

  async function statusOf(id: string): Promise<string> {
    const uuid = Buffer.from(id, 'base64url').toString().split(':')[1];
    const [row] = await t.db.query<{ status: string }[]>('SELECT status FROM introductions WHERE id = $1', [uuid]);
    return row.status;
  }

  async function connected(one: TestPractitioner, other: TestPractitioner): Promise<string | null> {
    const [row] = await t.db.query<{ origin: string }[]>(
      `SELECT origin FROM connections
        WHERE practitioner_a_id = LEAST($1::uuid, $2::uuid) AND practitioner_b_id = GREATEST($1::uuid, $2::uuid)`,
      [one.id, other.id],
    );
    return row?.origin ?? null;
  }

  describe('asked directly', () => {
    it('reaches the person asked; accepting connects both, opens connection-level details and tells both', async () => {
      const asker = await person({ jobTitle: 'Youth worker' });
      const asked = await person({
        contactEmail: 'asked@example.org',
        contactEmailVisibility: 'CONNECTIONS',
        contactPhone: '0121 496 0000',
        contactPhoneVisibility: 'HIDDEN',
      });
      const { id, result } = await request(asker, asked, { howWeMet: 'MET_AT_EVENT' });
      expect(result.data.requestIntroduction).toMatchObject({
        status: 'PENDING_TARGET',
        viewerRole: 'REQUESTER',
        origin: 'MET_AT_EVENT',
        canWithdraw: true,
        awaitingYou: false,
        target: { fullName: asked.email ? expect.any(String) : null },
      });
      const before = await t.gql<{ practitioner: { contact: { email: string | null } } }>(
        PROFILE,
        { id: asked.globalId },
        asker.token,
      );
      expect(before.data.practitioner.contact.email).toBeNull();

      const waiting = await mine(asked, { role: 'TARGET' });
      expect(waiting).toEqual([
        expect.objectContaining({ id, viewerRole: 'TARGET', awaitingYou: true, message: MESSAGE }),
      ]);

      const accepted = await respond(asked, id, true, 'Happy to talk: ring me after Easter.');
      expect(accepted.data.respondToIntroduction).toMatchObject({ status: 'ACCEPTED', awaitingYou: false });
      expect(await connected(asker, asked)).toBe('MET_AT_EVENT');

      const after = await t.gql<{
        practitioner: { connectedToYou: boolean; contact: { email: string; phone: string } };
      }>(PROFILE, { id: asked.globalId }, asker.token);
      expect(after.data.practitioner).toMatchObject({
        connectedToYou: true,
        contact: { email: 'asked@example.org', phone: null },
      });
      const [askerView] = await mine(asker);
      expect(askerView).toMatchObject({ status: 'ACCEPTED', responseNote: 'Happy to talk: ring me after Easter.' });

      expect((await notices(asked)).map((notice) => notice.kind)).toEqual([
        'INTRODUCTION_REQUESTED',
        'CONNECTION_MADE',
      ]);
      expect((await notices(asker)).map((notice) => notice.kind)).toEqual(['INTRODUCTION_ACCEPTED']);
      const [requested] = await notices(asked);
      expect(requested.body).toContain(MESSAGE);
      expect(requested.subject).toContain('Person');
      // Each notice also waits in the outbox as an email to the account's address.
      const [{ count }] = await t.db.query<{ count: number }[]>(
        `SELECT count(*)::int AS count FROM notification_deliveries d JOIN notifications n ON n.id = d.notification_id
          WHERE n.recipient_id = ANY($1::uuid[]) AND d.status = 'PENDING'`,
        [[asker.id, asked.id]],
      );
      expect(count).toBe(3);
    });

    it('shows a decline to the person who asked only as "not accepted", never with the note', async () => {
      const asker = await person();
      const asked = await person();
      const { id } = await request(asker, asked);
      const declined = await respond(asked, id, false, 'I do not want contact from this person.');
      expect(declined.data.respondToIntroduction).toMatchObject({
        status: 'DECLINED',
        responseNote: 'I do not want contact from this person.',
      });

      const [seen] = await mine(asker);
      expect(seen).toMatchObject({ id, status: 'NOT_ACCEPTED', responseNote: null });
      expect(await mine(asker, { status: 'DECLINED' })).toEqual([]);
      expect(await mine(asker, { status: 'NOT_ACCEPTED' })).toHaveLength(1);
      const [told] = await notices(asker);
      expect(told.kind).toBe('INTRODUCTION_NOT_ACCEPTED');
      expect(`${told.subject} ${told.body}`).not.toMatch(/declin|contact from this person/i);
      const node = await t.gql<{ node: { status: string } }>(NODE, { id }, asker.token);
      expect(node.data.node.status).toBe('NOT_ACCEPTED');
      expect(await connected(asker, asked)).toBeNull();
    });

    it('can be withdrawn by the person who asked while open; after that nobody can act on it', async () => {
      const asker = await person();
      const asked = await person();
      const { id } = await request(asker, asked);
      const withdrawn = await t.gql<{ withdrawIntroduction: IntroductionView }>(WITHDRAW, { id }, asker.token);
      expect(withdrawn.data.withdrawIntroduction).toMatchObject({ status: 'WITHDRAWN', canWithdraw: false });
      expect(errorCode(await respond(asked, id, true))).toBe('CONFLICT');
      expect(errorCode(await t.gql(WITHDRAW, { id }, asker.token))).toBe('CONFLICT');
      expect(await statusOf(id)).toBe('WITHDRAWN');
      expect(await connected(asker, asked)).toBeNull();
    });

    it('lets only the right person act, in turn; strangers cannot even see it', async () => {
      const asker = await person();
      const asked = await person();
      const stranger = await person();
      const { id } = await request(asker, asked);
      expect(errorCode(await respond(asker, id, true))).toBe('CONFLICT');
      expect(errorCode(await t.gql(WITHDRAW, { id }, asked.token))).toBe('CONFLICT');
      expect(errorCode(await respond(stranger, id, true))).toBe('NOT_FOUND');
      expect(errorCode(await t.gql(WITHDRAW, { id }, stranger.token))).toBe('NOT_FOUND');
      expect((await t.gql<{ node: unknown }>(NODE, { id }, stranger.token)).data.node).toBeNull();
      expect(await statusOf(id)).toBe('PENDING_TARGET');
      expect((await respond(asked, id, true)).data.respondToIntroduction.status).toBe('ACCEPTED');
      expect(errorCode(await respond(asked, id, false))).toBe('CONFLICT');
      expect(await statusOf(id)).toBe('ACCEPTED');
    });

    it('needs a signed-in practitioner', async () => {
      const asked = await person();
      const anonymous = await t.gql(REQUEST, { input: { to: asked.globalId, message: MESSAGE } });
      expect(errorCode(anonymous)).toBe('UNAUTHENTICATED');
      expect(errorCode(await t.gql(MINE, {}))).toBe('UNAUTHENTICATED');
    });
  });

  describe('brokered by a mutual connection', () => {
    async function trio() {
      const asker = await person();
      const broker = await person({ fullName: `Broker ${++n}` });
      const asked = await person();
      await connect(t, asker.id, broker.id);
      await connect(t, broker.id, asked.id);
      return { asker, broker, asked };
    }

    it('goes to the broker first, who passes it on with a note the requester never sees', async () => {
      const { asker, broker, asked } = await trio();
      const { id, result } = await request(asker, asked, { via: broker.globalId });
      expect(result.data.requestIntroduction).toMatchObject({
        status: 'PENDING_BROKER',
        broker: { fullName: expect.any(String) },
      });

      // Not yet the asked person's business.
      expect(await mine(asked)).toEqual([]);
      expect((await t.gql<{ node: unknown }>(NODE, { id }, asked.token)).data.node).toBeNull();
      expect(errorCode(await respond(asked, id, true))).toBe('NOT_FOUND');
      expect(await mine(broker, { role: 'BROKER' })).toEqual([expect.objectContaining({ id, awaitingYou: true })]);

      const passed = await respond(broker, id, true, 'Sam is thoughtful; worth a call.');
      expect(passed.data.respondToIntroduction).toMatchObject({
        status: 'PENDING_TARGET',
        brokerNote: 'Sam is thoughtful; worth a call.',
      });
      const [forAsked] = await mine(asked, { role: 'TARGET' });
      expect(forAsked).toMatchObject({
        status: 'PENDING_TARGET',
        brokerNote: 'Sam is thoughtful; worth a call.',
        awaitingYou: true,
      });
      const [forAsker] = await mine(asker);
      expect(forAsker).toMatchObject({ status: 'PENDING_TARGET', brokerNote: null });

      expect((await respond(asked, id, true)).data.respondToIntroduction.status).toBe('ACCEPTED');
      expect(await connected(asker, asked)).toBe('INTRODUCTION');
      expect((await notices(broker)).map((notice) => notice.kind)).toEqual(['INTRODUCTION_BROKER_REQUESTED']);
      expect((await notices(asker)).map((notice) => notice.kind)).toEqual([
        'INTRODUCTION_PASSED_ON',
        'INTRODUCTION_ACCEPTED',
      ]);
      const [askedToConnect] = await notices(asked);
      expect(askedToConnect.body).toContain('Sam is thoughtful; worth a call.');
      expect((await notices(asker)).map((notice) => notice.body).join(' ')).not.toContain('Sam is thoughtful');
    });

    it('can be declined by the broker; the requester sees "not accepted" and the asked person never hears of it', async () => {
      const { asker, broker, asked } = await trio();
      const { id } = await request(asker, asked, { via: broker.globalId });
      expect((await respond(broker, id, false, 'Not appropriate')).data.respondToIntroduction.status).toBe('DECLINED');
      expect((await mine(asker))[0]).toMatchObject({ status: 'NOT_ACCEPTED', brokerNote: null });
      expect(await mine(asked)).toEqual([]);
      expect(await notices(asked)).toEqual([]);
    });

    it('a broker declining starts no cooldown against the person asked, who never saw it', async () => {
      const { asker, broker, asked } = await trio();
      const { id } = await request(asker, asked, { via: broker.globalId });
      await respond(broker, id, false);
      // The person asked never said no: the requester may ask them directly straight away.
      const direct = await request(asker, asked);
      expect(direct.result.errors).toBeUndefined();
      await respond(asked, direct.id, false);
      // Their own no does hold the requester back.
      expect((await request(asker, asked)).result.errors?.[0].message).toMatch(/again from \d{4}-\d{2}-\d{2}/);
    });

    it('needs a broker connected to both, who is not the requester or the person asked', async () => {
      const { asker, broker, asked } = await trio();
      const outsider = await person();
      await connect(t, asker.id, outsider.id);
      for (const via of [outsider, asker, asked]) {
        const { result } = await request(asker, asked, { via: via.globalId });
        expect(errorCode(result)).toBe('BAD_USER_INPUT');
        expect(errorFields(result)).toEqual(['input.via']);
      }
      const { result } = await request(asker, asked, { via: broker.globalId, howWeMet: 'WORKED_TOGETHER' });
      expect(errorFields(result)).toEqual(['input.howWeMet']);
      expect(await countRows(t, 'introductions')).toBeGreaterThan(0);
      expect(await mine(broker)).toEqual([]);
    });

    it('cannot be passed on once the asked person stopped taking introductions; nothing changes', async () => {
      const { asker, broker, asked } = await trio();
      const { id } = await request(asker, asked, { via: broker.globalId });
      await t.db.query('UPDATE practitioners SET open_to_introductions = false WHERE id = $1', [asked.id]);
      expect(errorCode(await respond(broker, id, true))).toBe('CONFLICT');
      expect(await statusOf(id)).toBe('PENDING_BROKER');
      expect(await notices(asked)).toEqual([]);
    });
  });

  describe('protection from misuse', () => {
    it('requires a message of 20 to 1,000 characters', async () => {
      const asker = await person();
      const asked = await person();
      for (const message of ['Too short to count.', 'x'.repeat(1001), '   ']) {
        const result = await t.gql(REQUEST, { input: { to: asked.globalId, message } }, asker.token);
        expect(errorCode(result)).toBe('BAD_USER_INPUT');
        expect(errorFields(result)).toEqual(['input.message']);
      }
      expect(await mine(asker)).toEqual([]);
      const twenty = await t.gql(REQUEST, { input: { to: asked.globalId, message: 'x'.repeat(20) } }, asker.token);
      expect(twenty.errors).toBeUndefined();
    });

    it('does not let anyone ask a person who is not open to introductions', async () => {
      const asker = await person();
      const closed = await person({ openToIntroductions: false });
      const { result } = await request(asker, closed);
      expect(errorCode(result)).toBe('FORBIDDEN');
      expect(await mine(asker)).toEqual([]);
      expect(await notices(closed)).toEqual([]);
    });

    it('hides people who are not discoverable, and does not let them ask', async () => {
      const asker = await person();
      const hidden = await person({ discoverable: false });
      expect(errorCode((await request(asker, hidden)).result)).toBe('NOT_FOUND');
      expect(errorCode((await request(hidden, asker)).result)).toBe('FORBIDDEN');
      expect(errorCode((await request(asker, asker)).result)).toBe('BAD_USER_INPUT');
    });

    it('allows at most 10 requests waiting at once per person', async () => {
      const asker = await person();
      const ids: string[] = [];
      for (let i = 0; i < 10; i++) {
        const { id, result } = await request(asker, await person());
        expect(result.errors).toBeUndefined();
        ids.push(id);
      }
      const eleventh = await person();
      const refused = (await request(asker, eleventh)).result;
      expect(errorCode(refused)).toBe('CONFLICT');
      expect(refused.errors?.[0].message).toContain('10 requests');
      await t.gql(WITHDRAW, { id: ids[0] }, asker.token);
      expect((await request(asker, eleventh)).result.errors).toBeUndefined();
    });

    it('holds the limit under concurrent requests', async () => {
      const asker = await person();
      for (let i = 0; i < 8; i++) await request(asker, await person());
      const targets = await Promise.all([1, 2, 3, 4, 5].map(() => person()));
      const results = await Promise.all(targets.map((target) => request(asker, target)));
      expect(results.filter(({ result }) => !result.errors)).toHaveLength(2);
      expect(results.filter(({ result }) => errorCode(result) === 'CONFLICT')).toHaveLength(3);
      expect(await mine(asker, { status: 'PENDING_TARGET' })).toHaveLength(10);
    });

    it('allows one open request between two people, whoever asked', async () => {
      const one = await person();
      const other = await person();
      await request(one, other);
      expect(errorCode((await request(one, other)).result)).toBe('CONFLICT');
      expect(errorCode((await request(other, one)).result)).toBe('CONFLICT');
      expect(await mine(other, { role: 'REQUESTER' })).toEqual([]);
    });

    it('after a decline, keeps the same person from asking again for 90 days', async () => {
      const asker = await person();
      const asked = await person();
      const { id } = await request(asker, asked);
      await respond(asked, id, false);
      const again = (await request(asker, asked)).result;
      expect(errorCode(again)).toBe('CONFLICT');
      expect(again.errors?.[0].message).toMatch(/again from \d{4}-\d{2}-\d{2}/);
      // Someone else may still ask; and the person who declined may ask the other way round.
      expect((await request(await person(), asked)).result.errors).toBeUndefined();
      const uuid = Buffer.from(id, 'base64url').toString().split(':')[1];
      await t.db.query(`UPDATE introductions SET closed_at = now() - interval '91 days' WHERE id = $1`, [uuid]);
      expect((await request(asker, asked)).result.errors).toBeUndefined();
    });

    it('lets an unanswered request lapse after 14 days, telling the person who asked', async () => {
      const asker = await person();
      const asked = await person();
      const { id, result } = await request(asker, asked);
      const expiresAt = new Date(result.data.requestIntroduction.expiresAt);
      const days = (expiresAt.getTime() - Date.now()) / 86_400_000;
      expect(days).toBeGreaterThan(13.99);
      expect(days).toBeLessThanOrEqual(14);

      const uuid = Buffer.from(id, 'base64url').toString().split(':')[1];
      await t.db.query(`UPDATE introductions SET expires_at = now() - interval '1 minute' WHERE id = $1`, [uuid]);
      // Read as lapsed at once, before any sweep...
      expect((await mine(asked))[0].status).toBe('EXPIRED');
      expect(errorCode(await respond(asked, id, true))).toBe('CONFLICT');
      // ...and the sweep records it and tells the person who asked.
      expect(await t.app.get(IntroductionExpiryTask).runOnce()).toBeGreaterThanOrEqual(1);
      expect(await statusOf(id)).toBe('EXPIRED');
      expect((await notices(asker)).map((notice) => notice.kind)).toEqual(['INTRODUCTION_EXPIRED']);
      expect((await request(asker, asked)).result.errors).toBeUndefined();
    });

    it('honours the monthly cap the person asked has set', async () => {
      const asked = await person({ introductionsMonthlyCap: 2 });
      const first = await request(await person(), asked);
      const second = await request(await person(), asked);
      expect([first.result.errors, second.result.errors]).toEqual([undefined, undefined]);
      const third = (await request(await person(), asked)).result;
      expect(errorCode(third)).toBe('CONFLICT');
      expect(third.errors?.[0].message).toContain('not taking more introductions this month');
      // Requests that reached them more than 30 days ago no longer count.
      await t.db.query(`UPDATE introductions SET reached_target_at = now() - interval '31 days' WHERE target_id = $1`, [
        asked.id,
      ]);
      expect((await request(await person(), asked)).result.errors).toBeUndefined();
    });
  });

  describe('blocking', () => {
    const BLOCK = `mutation Block($id: ID!) { blockPractitioner(practitionerId: $id) }`;
    const UNBLOCK = `mutation Unblock($id: ID!) { unblockPractitioner(practitionerId: $id) }`;
    const SEARCH = `query Search($q: String) { search(query: $q, filter: { kinds: [PRACTITIONER] }) { totalCount edges { node { ... on Practitioner { fullName } } } } }`;
    const LIST = `query List($name: String) { practitioners(filter: { nameContains: $name }) { totalCount } }`;
    const BLOCKED = `query { myBlockedPractitioners { practitionerId fullName } }`;

    it('hides each from the other everywhere and ends their connection, without telling them', async () => {
      const blocker = await person({ fullName: 'Blockcheck Avery' });
      const blocked = await person({ fullName: 'Blockcheck Morgan' });
      await connect(t, blocker.id, blocked.id);

      const result = await t.gql<{ blockPractitioner: boolean }>(BLOCK, { id: blocked.globalId }, blocker.token);
      expect(result.data.blockPractitioner).toBe(true);
      expect(await connected(blocker, blocked)).toBeNull();
      expect(await notices(blocked)).toEqual([]);

      // Neither sees the other: by id, in lists, in search.
      for (const [viewer, other] of [
        [blocked, blocker],
        [blocker, blocked],
      ]) {
        expect(errorCode(await t.gql(PROFILE, { id: other.globalId }, viewer.token))).toBe('NOT_FOUND');
        const searched = await t.gql<{ search: { totalCount: number } }>(SEARCH, { q: 'Blockcheck' }, viewer.token);
        expect(searched.data.search.totalCount).toBe(1);
        const listed = await t.gql<{ practitioners: { totalCount: number } }>(
          LIST,
          { name: 'Blockcheck' },
          viewer.token,
        );
        expect(listed.data.practitioners.totalCount).toBe(1);
        // Nor can either ask the other.
        expect(errorCode((await request(viewer, other)).result)).toBe('NOT_FOUND');
      }
      const list = await t.gql<{ myBlockedPractitioners: unknown[] }>(BLOCKED, {}, blocker.token);
      expect(list.data.myBlockedPractitioners).toEqual([
        { practitionerId: blocked.globalId, fullName: 'Blockcheck Morgan' },
      ]);
      expect(
        (await t.gql<{ myBlockedPractitioners: unknown[] }>(BLOCKED, {}, blocked.token)).data.myBlockedPractitioners,
      ).toEqual([]);
      // Only the blocker can lift it; the connection does not come back.
      const byBlocked = await t.gql<{ unblockPractitioner: boolean }>(UNBLOCK, { id: blocker.globalId }, blocked.token);
      expect(byBlocked.data.unblockPractitioner).toBe(false);
      const unblocked = await t.gql<{ unblockPractitioner: boolean }>(UNBLOCK, { id: blocked.globalId }, blocker.token);
      expect(unblocked.data.unblockPractitioner).toBe(true);
      const again = await t.gql<{ search: { totalCount: number } }>(SEARCH, { q: 'Blockcheck' }, blocked.token);
      expect(again.data.search.totalCount).toBe(2);
      expect(await connected(blocker, blocked)).toBeNull();
      expect(errorCode(await t.gql(BLOCK, { id: blocker.globalId }, blocker.token))).toBe('BAD_USER_INPUT');
    });

    it('closes the open requests between the two: withdrawn if the blocker asked, otherwise declined', async () => {
      const a = await person();
      const b = await person();
      const c = await person();
      const broker = await person();
      await connect(t, a.id, broker.id);
      await connect(t, broker.id, c.id);
      const fromB = await request(b, a); // b asked a
      const throughA = await request(c, a); // unrelated to b: stays open
      const aAsksViaBroker = await request(a, c, { via: broker.globalId });
      expect(errorCode(aAsksViaBroker.result)).toBe('CONFLICT'); // c already asked a
      await t.gql(BLOCK, { id: b.globalId }, a.token);
      expect(await statusOf(fromB.id)).toBe('DECLINED');
      expect((await mine(b))[0].status).toBe('NOT_ACCEPTED');
      expect(await statusOf(throughA.id)).toBe('PENDING_TARGET');

      const d = await person();
      const toD = await request(a, d);
      await t.gql(BLOCK, { id: d.globalId }, a.token);
      expect(await statusOf(toD.id)).toBe('WITHDRAWN');
    });
  });
});
