import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ACCOUNT_MAIL, PasswordRecoveryService, type AccountMail } from '@cohesion/auth';
import { decodeGlobalId, isUuid, toGlobalId } from '@cohesion/common';
import { NotificationDeliveryWorker, NotificationsService } from '@cohesion/notifications';
import {
  createAdmin,
  createOrganisation,
  createPractitioner,
  createTestApp,
  TEST_PASSWORD,
  webClient,
  type TestApp,
  type TestPractitioner,
} from '@cohesion/testing';
import { ACCOUNT_MESSAGES } from '../../libs/auth/src/accounts/account-messages.js';

/** Queues an in-app notice (and its email) to `recipient`, as a domain would. */
async function notify(t: TestApp, recipientId: string, subject: string, link?: string): Promise<void> {
  await t.db.transaction((manager) =>
    t.app
      .get(NotificationsService)
      .queue(manager, [
        { recipientId, kind: 'TEST_NOTICE', subject, body: `${subject}.\n\nSecond paragraph.`, link, about: [] },
      ]),
  );
}

describe('the notifications page', () => {
  let t: TestApp;
  let person: TestPractitioner;
  let other: TestPractitioner;

  beforeAll(async () => {
    t = await createTestApp();
    person = await createPractitioner(t);
    other = await createPractitioner(t);
  });
  afterAll(async () => t?.close());

  it('asks a signed-out browser to sign in first', async () => {
    const page = await webClient(t).get('/notifications');
    expect(page.status).toBe(303);
    expect(page.location).toBe('/sign-in?next=%2Fnotifications');
  });

  it('lists the person’s own notifications, newest first, unread ones marked in words, each linking to its page', async () => {
    await notify(t, person.id, 'First thing', '/introductions/00000000-0000-4000-8000-000000000001');
    await notify(t, person.id, 'Second thing');
    await notify(t, other.id, 'Someone else’s thing', '/network');
    const browser = webClient(t);
    await browser.signIn(person.email, person.password);
    const page = await browser.get('/notifications');
    expect(page.status).toBe(200);
    expect(page.title).toBe('Notifications – Cohesion Network');
    expect(page.html).toContain('You have 2 unread notifications.');
    expect(page.html.indexOf('Second thing')).toBeLessThan(page.html.indexOf('First thing'));
    expect(page.html).toContain('href="/introductions/00000000-0000-4000-8000-000000000001">First thing</a>');
    expect(page.html.match(/govuk-tag--blue">\s*Unread\s*</g)).toHaveLength(2);
    expect(page.html).not.toContain('Someone else’s thing');
    // The header's count says it too.
    expect(page.html).toMatch(/Notifications <span class="cn-count">2<span class="govuk-visually-hidden"> unread/);
  });

  it('marks one as read, then all, with post-redirect-get and a banner', async () => {
    const browser = webClient(t);
    await browser.signIn(person.email, person.password);
    const page = await browser.get('/notifications');
    const id = page.html.match(/action="\/notifications\/([^/"]+)\/read"/)?.[1] as string;
    expect(id).toBeDefined();
    const marked = await browser.post(`/notifications/${id}/read`, {}, page);
    expect(marked.status).toBe(303);
    expect(marked.location).toBe('/notifications');
    const after = await browser.get('/notifications');
    expect(after.html).toContain('Notification marked as read.');
    expect(after.html).toContain('You have 1 unread notification.');

    const all = await browser.post('/notifications/read-all', {}, after);
    expect(all.status).toBe(303);
    const done = await browser.get('/notifications');
    expect(done.html).toContain('All your notifications are marked as read.');
    expect(done.html).toContain('You have no unread notifications.');
    expect(done.html).not.toContain('Mark all as read');
    expect(await t.app.get(NotificationsService).unreadCount({ accountId: other.id } as never)).toBe(1);
  });

  it('changes nothing of anyone else’s, and refuses a form without its token', async () => {
    const [theirs] = await t.db.query<{ id: string }[]>('SELECT id FROM notifications WHERE recipient_id = $1', [
      other.id,
    ]);
    const browser = webClient(t);
    await browser.signIn(person.email, person.password);
    const page = await browser.get('/notifications');
    const answer = await browser.post(`/notifications/${toGlobalId('Notification', theirs.id)}/read`, {}, page);
    expect(answer.status).toBe(303);
    const [row] = await t.db.query<{ read_at: Date | null }[]>('SELECT read_at FROM notifications WHERE id = $1', [
      theirs.id,
    ]);
    expect(row.read_at).toBeNull();
    expect((await browser.post('/notifications/read-all', { _csrf: null }, page)).status).toBe(403);
    expect((await browser.post('/notifications/not-an-id/read', {}, page)).status).toBe(404);
  });

  it('pages through many notifications, newest first', async () => {
    const busy = await createPractitioner(t);
    for (let n = 1; n <= 23; n++) await notify(t, busy.id, `Notice number ${String(n).padStart(2, '0')}`);
    const browser = webClient(t);
    await browser.signIn(busy.email, busy.password);
    const first = await browser.get('/notifications');
    expect(first.html).toContain('Notice number 23');
    expect(first.html).not.toContain('Notice number 03');
    const older = first.html.match(/href="(\/notifications\?after=[^"]+)"/)?.[1] as string;
    expect(older).toBeDefined();
    const second = await browser.get(older.replace(/&amp;/g, '&'));
    expect(second.status).toBe(200);
    expect(second.title).toBe('Notifications (older) – Cohesion Network');
    expect(second.html).toContain('Notice number 01');
    expect(second.html).not.toContain('Notice number 23');
  });
});

/**
 * Every email's link opens a page that exists. Each kind of email is produced the way the
 * product produces it, sent through the outbox and the file transport, and every address of
 * this site in the body (the email as the person receives it) is followed: by a signed-out
 * browser (a page, or sign-in first) and, where it asks for sign-in, by the recipient signed
 * in (a page). Never "Page not found".
 */
describe('every email’s link opens a page', () => {
  /** Link shapes whose page another part of the website builds; the lead empties this at merge. */

  /** Every kind of email that carries a link, and the shape of its link. */
  const LINKS_BY_KIND: Record<string, string> = {
    EMAIL_VERIFICATION: '/account/verify-email',
    REGISTRATION_ATTEMPT: '/account/forgot-password',
    PASSWORD_RESET: '/account/reset-password',
    SIGN_IN_LINK: '/account/link-sign-in',
    MEMBERSHIP_INVITATION: '/invitations/accept',
    MEMBERSHIP_CLAIMED: '/organisations/:id/memberships',
    MEMBERSHIP_CONFIRMED: '/profile/memberships',
    MEMBERSHIP_DECLINED: '/profile/memberships',
    MEMBERSHIP_ENDED: '/profile/memberships',
    INTRODUCTION_BROKER_REQUESTED: '/introductions/:id',
    INTRODUCTION_REQUESTED: '/introductions/:id',
    INTRODUCTION_PASSED_ON: '/introductions/:id',
    INTRODUCTION_ACCEPTED: '/introductions/:id',
    CONNECTION_MADE: '/introductions/:id',
    INTRODUCTION_NOT_ACCEPTED: '/introductions/:id',
    PARTNERSHIP_PROPOSED: '/organisations/:id/partnerships',
    MISUSE_REPORTED: '/admin/misuse-reports/:id',
  };

  interface SentEmail {
    to: string;
    subject: string;
    text: string;
    links: URL[];
  }

  let t: TestApp;
  const sent: SentEmail[] = [];
  /** Who can sign in with TEST_PASSWORD, by address. */
  const accounts = new Map<string, string>();

  function decodeBody(raw: string): string {
    const [head, ...rest] = raw.split(/\r?\n\r?\n/);
    const body = rest.join('\n\n');
    if (/content-transfer-encoding:\s*base64/i.test(head)) return Buffer.from(body, 'base64').toString('utf8');
    if (/content-transfer-encoding:\s*quoted-printable/i.test(head)) {
      const bytes = body
        .replace(/=\r?\n/g, '')
        .replace(/=([0-9A-F]{2})/gi, (_match, hex: string) => String.fromCharCode(parseInt(hex, 16)));
      return Buffer.from(bytes, 'latin1').toString('utf8');
    }
    return body;
  }

  /** Sends everything in the outbox and reads what the file transport wrote. */
  async function deliverAll(): Promise<void> {
    const worker = t.app.get(NotificationDeliveryWorker);
    while ((await worker.runOnce()) > 0);
    sent.length = 0;
    for (const file of readdirSync(t.config.mailDir).filter((name) => name.endsWith('.eml'))) {
      const raw = readFileSync(join(t.config.mailDir, file), 'utf8');
      const head = raw.split(/\r?\n\r?\n/)[0].replace(/\r?\n\s+/g, ' ');
      const text = decodeBody(raw);
      const origin = t.config.publicUrl.replace(/\/$/, '');
      const links = [...text.matchAll(/https?:\/\/[^\s<>"]+/g)]
        .map((match) => match[0].replace(/[.,;:)]+$/, ''))
        .filter((href) => href.startsWith(`${origin}/`))
        .map((href) => new URL(href));
      sent.push({
        to:
          head
            .match(/^To:\s*(.+)$/im)?.[1]
            .trim()
            .toLowerCase() ?? '',
        subject: head.match(/^Subject:\s*(.+)$/im)?.[1].trim() ?? '',
        text,
        links,
      });
    }
  }

  /** `/introductions/<uuid or global id>` reads `/introductions/:id`. */
  function shapeOf(path: string): string {
    return path
      .split('/')
      .map((segment) => (segment && (isUuid(segment) || decodeGlobalId(segment)) ? ':id' : segment))
      .join('/');
  }

  async function gql(query: string, variables: Record<string, unknown>, token?: string) {
    const result = await t.gql(query, variables, token);
    expect(result.errors).toBeUndefined();
    return result.data;
  }

  beforeAll(async () => {
    t = await createTestApp();
    const remember = (person: TestPractitioner) => (accounts.set(person.email, person.email), person);

    // Accounts: registering (verification), registering again (an attempt), a reset, a council sign-in link.
    const registered = 'new.registrant@example.org';
    const REGISTER = `mutation ($input: RegisterInput!) { register(input: $input) { __typename } }`;
    await gql(REGISTER, { input: { email: registered, fullName: 'New Registrant', password: TEST_PASSWORD } });
    await gql(REGISTER, { input: { email: registered, fullName: 'New Registrant', password: TEST_PASSWORD } });
    accounts.set(registered, registered);
    const forgetful = remember(await createPractitioner(t));
    await gql(`mutation ($input: RequestPasswordResetInput!) { requestPasswordReset(input: $input) }`, {
      input: { email: forgetful.email },
    });
    // The reset link is sent by a background task, as in the running service.
    await t.app.get(PasswordRecoveryService).sendRequestedLinks();
    const council = remember(await createPractitioner(t));
    await t.db.transaction((manager) =>
      t.app
        .get<AccountMail>(ACCOUNT_MAIL)
        .send(
          manager,
          ACCOUNT_MESSAGES.linkSignIn(
            { accountId: council.id, email: council.email },
            'Walsall Council',
            t.config.publicUrl,
            'a-sign-in-link-token',
            3600,
          ),
        ),
    );

    // Memberships: a claim (to the organisation's admin), its confirmation, a decline, an end, an invitation.
    const organisation = await createOrganisation(t, { name: 'Links Test Council' });
    const orgAdmin = remember(
      await createPractitioner(t, { roles: [{ role: 'ORG_ADMIN', organisationId: organisation.id }] }),
    );
    const CLAIM = `mutation ($input: ClaimMembershipInput!) { claimMembership(input: $input) { id } }`;
    const claimant = remember(await createPractitioner(t, { verifiedMember: false }));
    const claimed = (await gql(CLAIM, { input: { organisationId: organisation.globalId } }, claimant.token)) as {
      claimMembership: { id: string };
    };
    await gql(
      `mutation ($ids: [ID!]!) { confirmMemberships(input: { ids: $ids }) { id } }`,
      { ids: [claimed.claimMembership.id] },
      orgAdmin.token,
    );
    await gql(
      `mutation ($id: ID!) { endMembership(id: $id) { id } }`,
      { id: claimed.claimMembership.id },
      orgAdmin.token,
    );
    const declined = remember(await createPractitioner(t, { verifiedMember: false }));
    const claim2 = (await gql(CLAIM, { input: { organisationId: organisation.globalId } }, declined.token)) as {
      claimMembership: { id: string };
    };
    await gql(
      `mutation ($ids: [ID!]!) { declineMemberships(input: { ids: $ids }) { id } }`,
      { ids: [claim2.claimMembership.id] },
      orgAdmin.token,
    );
    await gql(
      `mutation ($input: InviteMemberInput!) { inviteMember(input: $input) { id } }`,
      { input: { organisationId: organisation.globalId, email: 'invited.person@example.org' } },
      orgAdmin.token,
    );

    // Introductions: asked directly and accepted; asked through a broker, passed on, not accepted.
    const MESSAGE = 'We both run youth forums in Walsall; could we compare notes?';
    const REQUEST = `mutation ($input: RequestIntroductionInput!) { requestIntroduction(input: $input) { id } }`;
    const RESPOND = `mutation ($input: RespondToIntroductionInput!) { respondToIntroduction(input: $input) { id } }`;
    const asker = remember(await createPractitioner(t));
    const asked = remember(await createPractitioner(t));
    const direct = (await gql(REQUEST, { input: { to: asked.globalId, message: MESSAGE } }, asker.token)) as {
      requestIntroduction: { id: string };
    };
    await gql(RESPOND, { input: { id: direct.requestIntroduction.id, accept: true } }, asked.token);
    const broker = remember(await createPractitioner(t));
    const far = remember(await createPractitioner(t));
    const seeker = remember(await createPractitioner(t));
    await t.db.query(
      `INSERT INTO connections (practitioner_a_id, practitioner_b_id, origin)
       VALUES (LEAST($1::uuid, $2::uuid), GREATEST($1::uuid, $2::uuid), 'WORKED_TOGETHER'),
              (LEAST($1::uuid, $3::uuid), GREATEST($1::uuid, $3::uuid), 'WORKED_TOGETHER')`,
      [broker.id, far.id, seeker.id],
    );
    const brokered = (await gql(
      REQUEST,
      { input: { to: far.globalId, via: broker.globalId, message: MESSAGE } },
      seeker.token,
    )) as { requestIntroduction: { id: string } };
    await gql(RESPOND, { input: { id: brokered.requestIntroduction.id, accept: true } }, broker.token);
    await gql(RESPOND, { input: { id: brokered.requestIntroduction.id, accept: false } }, far.token);

    // A partnership proposed to another organisation's admins; a misuse report to the platform admins.
    const partner = await createOrganisation(t, { name: 'Links Test Partner' });
    remember(await createPractitioner(t, { roles: [{ role: 'ORG_ADMIN', organisationId: partner.id }] }));
    await gql(
      `mutation ($input: ProposePartnershipInput!) { proposePartnership(input: $input) { id } }`,
      { input: { organisationId: organisation.globalId, partnerId: partner.globalId, kind: 'PARTNERS_WITH' } },
      orgAdmin.token,
    );
    remember(await createAdmin(t));
    await gql(
      `mutation ($input: ReportMisuseInput!) { reportMisuse(input: $input) { received } }`,
      { input: { practitionerId: far.globalId, reason: 'SPAM' } },
      asker.token,
    );

    await deliverAll();
  });
  afterAll(async () => t?.close());

  it('produces every kind of email that carries a link, each with a link of its shape', async () => {
    const kinds = await t.db.query<{ kind: string; address: string }[]>(
      `SELECT DISTINCT n.kind, d.recipient_address AS address
         FROM notification_deliveries d JOIN notifications n ON n.id = d.notification_id`,
    );
    const produced = new Set(kinds.map((row) => row.kind));
    for (const kind of Object.keys(LINKS_BY_KIND)) expect([kind, produced.has(kind)]).toEqual([kind, true]);
    // Each email of a kind with a link carries one of that kind's shape.
    const subjects = await t.db.query<{ kind: string; subject: string }[]>(
      'SELECT DISTINCT kind, subject FROM notifications',
    );
    for (const { kind, subject } of subjects) {
      const shape = LINKS_BY_KIND[kind];
      if (!shape) continue;
      const email = sent.find((mail) => mail.subject.replace(/\s+/g, ' ') === subject || mail.text.includes(subject));
      const shapes = (email?.links ?? []).map((link) => shapeOf(link.pathname));
      expect([kind, shapes]).toEqual([kind, expect.arrayContaining([shape])]);
    }
  });

  it('opens a page for every link in every email (a signed-out browser is asked to sign in first)', async () => {
    const checked: string[] = [];
    for (const email of sent) {
      for (const link of email.links) {
        const shape = shapeOf(link.pathname);
        const path = `${link.pathname}${link.search}`;
        const signedOut = await webClient(t).get(path);
        expect([path, signedOut.status]).toEqual([path, signedOut.status === 303 ? 303 : 200]);
        if (signedOut.status === 303) {
          expect(signedOut.location).toBe(`/sign-in?next=${encodeURIComponent(path)}`);
          const recipient = accounts.get(email.to);
          expect([email.to, recipient]).toEqual([email.to, email.to]);
          const browser = webClient(t);
          await browser.signIn(email.to, TEST_PASSWORD);
          const page = await browser.get(path);
          expect([path, page.status]).toEqual([path, 200]);
        }
        checked.push(shape);
      }
    }
    // Every shape of link some email carries was followed.
    expect([...new Set(checked)].sort()).toEqual([...new Set(Object.values(LINKS_BY_KIND))].sort());
  });
});
