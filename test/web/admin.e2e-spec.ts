import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { toGlobalId } from '@cohesion/common';
import {
  auditOf,
  createAdmin,
  createOrganisation,
  createPractitioner,
  createTestApp,
  webClient,
  type Created,
  type TestApp,
  type TestPractitioner,
  type WebClient,
} from '@cohesion/testing';

describe('the admin pages', () => {
  let t: TestApp;
  let admin: TestPractitioner;
  let member: TestPractitioner;
  let orgAdmin: TestPractitioner;
  let waiting: Created;
  let verified: Created;
  let domainId: string;
  let reportId: string;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await createAdmin(t, { fullName: 'Platform Admin' });
    member = await createPractitioner(t, { fullName: 'Ordinary Member' });
    waiting = await createOrganisation(t, {
      name: 'Awaiting Check Trust',
      verified: false,
      identifiers: ['GB-CHC-1234567'],
    });
    verified = await createOrganisation(t, { name: 'Already Verified Council' });
    orgAdmin = await createPractitioner(t, { roles: [{ role: 'ORG_ADMIN', organisationId: verified.id }] });
    const [domain] = await t.db.query<{ id: string }[]>(
      `INSERT INTO organisation_email_domains (organisation_id, domain) VALUES ($1, 'verified-council.gov.uk') RETURNING id`,
      [verified.id],
    );
    domainId = domain.id;
    const reported = await t.gql<{ reportMisuse: { received: boolean } }>(
      `mutation ($input: ReportMisuseInput!) { reportMisuse(input: $input) { received } }`,
      {
        input: {
          organisationId: verified.globalId,
          reason: 'FALSE_INFORMATION',
          details: 'Says it runs services it does not.',
        },
      },
      member.token,
    );
    expect(reported.errors).toBeUndefined();
    const [report] = await t.db.query<{ id: string }[]>('SELECT id FROM misuse_reports');
    reportId = toGlobalId('MisuseReport', report.id);
  });
  afterAll(async () => t?.close());

  async function signedIn(person: TestPractitioner): Promise<WebClient> {
    const browser = webClient(t);
    await browser.signIn(person.email, person.password);
    return browser;
  }

  it('shows the admin what is waiting, with the admin section in the menu', async () => {
    const browser = await signedIn(admin);
    const page = await browser.get('/admin');
    expect(page.status).toBe(200);
    expect(page.title).toBe('Admin – Cohesion Network');
    expect(page.html).toMatch(/<a class="govuk-service-navigation__link" href="\/admin"[^>]*>[^<]*<strong[^>]*>Admin</);
    expect(page.html).toMatch(/id="count-organisations">1 organisation waiting/);
    expect(page.html).toMatch(/id="count-domains">1 domain waiting/);
    expect(page.html).toMatch(/id="count-reports">1 report open/);
    expect(page.html).toContain('moj-sub-navigation');
  });

  it('verifies an organisation from the queue, audited, and withdraws it after a confirmation page', async () => {
    const browser = await signedIn(admin);
    const queue = await browser.get('/admin/organisations');
    expect(queue.title).toBe('Organisations awaiting verification – Cohesion Network');
    expect(queue.html).toContain('Awaiting Check Trust');
    expect(queue.html).toContain('GB-CHC-1234567');
    expect(queue.html).not.toContain('Already Verified Council');
    expect(queue.html).toContain('data-module="moj-sortable-table"');
    const done = await browser.post(`/admin/organisations/${waiting.globalId}/verify`, {}, queue);
    expect(done.status).toBe(303);
    expect(done.location).toBe('/admin/organisations');
    const after = await browser.get('/admin/organisations');
    expect(after.html).toContain('Awaiting Check Trust is verified.');
    expect(after.html).toContain('No organisations are waiting.');
    expect((await auditOf(t, waiting.id)).map((row) => [row.action, row.actor_account_id])).toEqual([
      ['verify', admin.id],
    ]);

    const found = await browser.get('/admin/organisations?name=Awaiting+Check');
    expect(found.html).toContain(`href="/admin/organisations/${waiting.globalId}/unverify"`);
    const confirm = await browser.get(`/admin/organisations/${waiting.globalId}/unverify`);
    expect(confirm.status).toBe(200);
    expect(confirm.title).toBe('Withdraw the verification of Awaiting Check Trust – Cohesion Network');
    expect(confirm.html).toContain('Withdraw verification');
    const withdrawn = await browser.post(`/admin/organisations/${waiting.globalId}/unverify`, {}, confirm);
    expect(withdrawn.status).toBe(303);
    expect((await browser.get('/admin/organisations')).html).toContain('Awaiting Check Trust is no longer verified.');
    const [row] = await t.db.query<{ verified: boolean }[]>('SELECT verified FROM organisations WHERE id = $1', [
      waiting.id,
    ]);
    expect(row.verified).toBe(false);
  });

  it('verifies an email domain, confirming the waiting memberships on it', async () => {
    const claimant = await createPractitioner(t, {
      email: 'someone@verified-council.gov.uk',
      verifiedMember: false,
      memberships: [{ organisationId: verified.id, status: 'PENDING' }],
    });
    const browser = await signedIn(admin);
    const page = await browser.get('/admin/email-domains');
    expect(page.title).toBe('Email domains awaiting verification – Cohesion Network');
    expect(page.html).toContain('verified-council.gov.uk');
    expect(page.html).toContain('Already Verified Council');
    const done = await browser.post(
      `/admin/email-domains/${toGlobalId('OrganisationEmailDomain', domainId)}/verify`,
      {},
      page,
    );
    expect(done.status).toBe(303);
    const after = await browser.get('/admin/email-domains');
    expect(after.html).toContain('verified-council.gov.uk is verified. 1 waiting membership was confirmed.');
    expect(after.html).toContain('No email domains are waiting.');
    const [membership] = await t.db.query<{ status: string }[]>(
      'SELECT status FROM practitioner_memberships WHERE practitioner_id = $1',
      [claimant.id],
    );
    expect(membership.status).toBe('CONFIRMED');
    expect((await auditOf(t, domainId)).map((entry) => entry.action)).toContain('verify');
  });

  it('lists misuse reports, shows one with who reported it, and resolves it with an outcome', async () => {
    const browser = await signedIn(admin);
    const list = await browser.get('/admin/misuse-reports');
    expect(list.title).toBe('Open misuse reports – Cohesion Network');
    expect(list.html).toContain(`href="/admin/misuse-reports/${reportId}">Already Verified Council</a>`);
    expect(list.html).toContain('False information');
    const page = await browser.get(`/admin/misuse-reports/${reportId}`);
    expect(page.status).toBe(200);
    expect(page.title).toBe('Misuse report about Already Verified Council – Cohesion Network');
    expect(page.html).toContain('Says it runs services it does not.');
    expect(page.html).toContain('Ordinary Member');
    expect(page.html).toContain(member.email);

    const missing = await browser.post(`/admin/misuse-reports/${reportId}/resolve`, {}, page);
    expect(missing.status).toBe(400);
    expect(missing.title).toBe('Error: Misuse report about Already Verified Council – Cohesion Network');
    expect(missing.errorSummary).toEqual(['Select what was done about the report']);
    expect(missing.html).toContain('href="#outcome"');

    const resolved = await browser.post(
      `/admin/misuse-reports/${reportId}/resolve`,
      { outcome: 'WARNING_GIVEN' },
      page,
    );
    expect(resolved.status).toBe(303);
    expect((await browser.get('/admin/misuse-reports')).html).toContain(
      'The report about Already Verified Council is resolved: warning given.',
    );
    const closed = await browser.get('/admin/misuse-reports?status=resolved');
    expect(closed.title).toBe('Resolved misuse reports – Cohesion Network');
    expect(closed.html).toContain('Warning given');
    const again = await browser.post(`/admin/misuse-reports/${reportId}/resolve`, { outcome: 'NO_ACTION' }, page);
    expect(again.status).toBe(409);
    expect(
      (await browser.get(`/admin/misuse-reports/${toGlobalId('MisuseReport', '00000000-0000-4000-8000-000000000000')}`))
        .status,
    ).toBe(404);
  });

  it('finds an account by email, suspends it with a reason (signing them out), and lifts the suspension', async () => {
    const target = await createPractitioner(t, { email: 'to.suspend@example.org' });
    const theirs = await signedIn(target);
    expect((await theirs.get('/notifications')).status).toBe(200);

    const browser = await signedIn(admin);
    const none = await browser.get('/admin/accounts?email=nobody%40example.org');
    expect(none.html).toContain('No account has the email address nobody@example.org.');
    const found = await browser.get('/admin/accounts?email=TO.SUSPEND%40example.org');
    expect(found.title).toBe('Account to.suspend@example.org – Cohesion Network');
    expect(found.html).toContain('Active');
    const action = `/admin/accounts/${toGlobalId('Account', target.id)}/suspend`;
    expect(found.html).toContain(`action="${action}"`);

    const noReason = await browser.post(action, { email: target.email, reason: '  ' }, found);
    expect(noReason.status).toBe(400);
    expect(noReason.errorSummary).toEqual(['Reason is required']);
    expect(noReason.html).toContain('href="#reason"');

    const suspended = await browser.post(action, { email: target.email, reason: 'Harassing other members' }, found);
    expect(suspended.status).toBe(303);
    const after = await browser.get(suspended.location as string);
    expect(after.html).toContain('to.suspend@example.org is suspended.');
    expect(after.html).toContain('Suspended');
    expect(after.html).toContain('Lift suspension');
    // Their web session ended with their other sessions.
    expect((await theirs.get('/notifications')).status).toBe(303);
    const audit = await auditOf(t, target.id);
    expect(audit.at(-1)).toMatchObject({
      action: 'suspend',
      after: { suspended: true, reason: 'Harassing other members' },
    });

    const lifted = await browser.post(
      `/admin/accounts/${toGlobalId('Account', target.id)}/lift`,
      { email: target.email },
      after,
    );
    expect(lifted.status).toBe(303);
    expect((await browser.get(lifted.location as string)).html).toContain(
      'The suspension of to.suspend@example.org is lifted.',
    );
    expect((await webClient(t).signIn(target.email, target.password)).status).toBe(303);

    // Not their own account: said beside the reason.
    const self = await browser.get(`/admin/accounts?email=${encodeURIComponent(admin.email)}`);
    const refused = await browser.post(
      `/admin/accounts/${toGlobalId('Account', admin.id)}/suspend`,
      { email: admin.email, reason: 'Testing' },
      self,
    );
    expect(refused.status).toBe(400);
    expect(refused.errorSummary).toEqual(['You cannot suspend this account: it is your own account']);
  });

  const ADMIN_GETS = () => [
    '/admin',
    '/admin/organisations',
    '/admin/organisations?name=Council',
    `/admin/organisations/${verified.globalId}/unverify`,
    '/admin/email-domains',
    '/admin/misuse-reports',
    '/admin/misuse-reports?status=resolved',
    `/admin/misuse-reports/${reportId}`,
    '/admin/accounts',
    `/admin/accounts?email=${encodeURIComponent(member.email)}`,
  ];
  const ADMIN_POSTS = () => [
    `/admin/organisations/${verified.globalId}/verify`,
    `/admin/organisations/${verified.globalId}/unverify`,
    `/admin/email-domains/${toGlobalId('OrganisationEmailDomain', domainId)}/verify`,
    `/admin/misuse-reports/${reportId}/resolve`,
    `/admin/accounts/${toGlobalId('Account', member.id)}/suspend`,
    `/admin/accounts/${toGlobalId('Account', member.id)}/lift`,
  ];

  it.each([
    ['a verified member', () => member],
    ['an organisation’s admin', () => orgAdmin],
    ['someone awaiting membership', () => createPractitioner(t, { verifiedMember: false })],
    ['someone with an unverified address', () => createPractitioner(t, { emailVerified: false })],
  ])('answers %s “Page not found” on every admin address, and changes nothing', async (_who, who) => {
    const person = await who();
    const browser = await signedIn(person);
    const home = await browser.get('/');
    expect(home.html).not.toContain('href="/admin"');
    for (const path of ADMIN_GETS()) {
      const page = await browser.get(path);
      expect([path, page.status, page.title]).toEqual([path, 404, 'Page not found – Cohesion Network']);
    }
    for (const path of ADMIN_POSTS()) {
      const page = await browser.post(path, { outcome: 'NO_ACTION', reason: 'x', email: member.email }, home);
      expect([path, page.status]).toEqual([path, 404]);
    }
    const [{ suspended }] = await t.db.query<{ suspended: boolean }[]>(
      'SELECT suspended_at IS NOT NULL AS suspended FROM accounts WHERE id = $1',
      [member.id],
    );
    expect(suspended).toBe(false);
  });

  it('sends a signed-out browser to sign in, and back', async () => {
    const page = await webClient(t).get(`/admin/misuse-reports/${reportId}`);
    expect(page.status).toBe(303);
    expect(page.location).toBe(`/sign-in?next=${encodeURIComponent(`/admin/misuse-reports/${reportId}`)}`);
  });
});
