import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  createAdmin,
  createOrganisation,
  createPractitioner,
  createTestApp,
  webClient,
  type Created,
  type TestApp,
  type TestPractitioner,
  type WebClient,
  type WebPage,
} from '@cohesion/testing';

/** The text of a page without its tags, to check what a person can read on it. */
function textOf(html: string): string {
  return html
    .replace(/<script[\s\S]*?<\/script>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

/** The part of a page under a heading, up to the next h2. */
function section(page: WebPage, heading: string): string {
  const start = page.html.indexOf(`>${heading}</h2>`);
  expect([heading, start >= 0]).toEqual([heading, true]);
  const end = page.html.indexOf('<h2', start);
  return page.html.slice(start, end < 0 ? undefined : end);
}

/** The form actions of a page that end with `suffix`. */
function actions(html: string, suffix: string): string[] {
  return [...html.matchAll(/action="([^"]+)"/g)].map((match) => match[1]).filter((action) => action.endsWith(suffix));
}

describe('an organisation’s partnerships page', () => {
  let t: TestApp;
  let council: Created;
  let forum: Created;
  let network: Created;
  let councilAdmin: TestPractitioner;
  let forumAdmin: TestPractitioner;
  let networkAdmin: TestPractitioner;
  let member: TestPractitioner;
  let platformAdmin: TestPractitioner;

  const signedIn = async (person: TestPractitioner): Promise<WebClient> => {
    const browser = webClient(t);
    const answer = await browser.signIn(person.email, person.password);
    expect(answer.status).toBe(303);
    return browser;
  };
  const pageOf = (organisation: Created) => `/organisations/${organisation.globalId}/partnerships`;

  beforeAll(async () => {
    t = await createTestApp();
    council = await createOrganisation(t, { name: 'Walsall Council', kind: 'LOCAL_AUTHORITY', visibility: 'PUBLIC' });
    forum = await createOrganisation(t, { name: 'Walsall Faith Forum', kind: 'FAITH_GROUP', visibility: 'PUBLIC' });
    network = await createOrganisation(t, { name: 'Black Country Network', kind: 'NETWORK', visibility: 'PUBLIC' });
    councilAdmin = await createPractitioner(t, { roles: [{ role: 'ORG_ADMIN', organisationId: council.id }] });
    forumAdmin = await createPractitioner(t, { roles: [{ role: 'ORG_ADMIN', organisationId: forum.id }] });
    networkAdmin = await createPractitioner(t, { roles: [{ role: 'ORG_ADMIN', organisationId: network.id }] });
    member = await createPractitioner(t);
    platformAdmin = await createAdmin(t);
  });
  afterAll(async () => t?.close());

  it('asks a signed-out browser to sign in, and is not there for a member who runs neither organisation', async () => {
    const path = pageOf(council);
    const signedOut = await webClient(t).get(path);
    expect(signedOut.status).toBe(303);
    expect(signedOut.location).toBe(`/sign-in?next=${encodeURIComponent(path)}`);

    const browser = await signedIn(member);
    const page = await browser.get(path);
    expect(page.status).toBe(404);
    expect(page.title).toBe('Page not found – Cohesion Network');
    const organisation = await browser.get(`/organisations/${council.globalId}`);
    expect(organisation.status).toBe(200);
    expect(organisation.html).not.toContain(path);
    // Not the other organisation's page either, nor one that does not exist.
    expect((await (await signedIn(councilAdmin)).get(pageOf(forum))).status).toBe(404);
    expect((await browser.get('/organisations/not-an-id/partnerships')).status).toBe(404);
  });

  it('links to it from the organisation’s page for its admins and platform admins only', async () => {
    const link = `href="${pageOf(council)}"`;
    expect((await webClient(t).get(`/organisations/${council.globalId}`)).html).not.toContain(link);
    expect((await (await signedIn(forumAdmin)).get(`/organisations/${council.globalId}`)).html).not.toContain(link);
    expect((await (await signedIn(councilAdmin)).get(`/organisations/${council.globalId}`)).html).toContain(link);
    expect((await (await signedIn(platformAdmin)).get(`/organisations/${council.globalId}`)).html).toContain(link);
  });

  it('names each field a proposal lacks', async () => {
    const browser = await signedIn(councilAdmin);
    const page = await browser.get(pageOf(council));
    expect(page.status).toBe(200);
    expect(page.title).toBe('Partnerships of Walsall Council – Cohesion Network');
    expect(page.html).toContain('data-autocomplete');
    // The organisation itself is not offered.
    expect(page.html).toContain(`value="${forum.globalId}"`);
    expect(page.html).not.toContain(`value="${council.globalId}"`);
    const empty = await browser.post(pageOf(council), {}, page);
    expect(empty.status).toBe(400);
    expect(empty.title).toBe('Error: Partnerships of Walsall Council – Cohesion Network');
    expect(empty.errorSummary).toEqual(['Select an organisation', 'Select the kind of partnership']);
    expect(empty.html).toContain('href="#partnerId"');
    expect(empty.html).toContain('href="#kind"');
  });

  it('refuses a form without its CSRF token', async () => {
    const browser = await signedIn(councilAdmin);
    const page = await browser.get(pageOf(council));
    const answer = await browser.post(
      pageOf(council),
      { _csrf: null, partnerId: forum.globalId, kind: 'PARTNERS_WITH' },
      page,
    );
    expect(answer.status).toBe(403);
    expect(section(await browser.get(pageOf(council)), 'Proposals you made')).not.toContain('Walsall Faith Forum');
  });

  it('a proposal waits for the other organisation’s admin, who confirms it; then both show the partner', async () => {
    const council1 = await signedIn(councilAdmin);
    const page = await council1.get(pageOf(council));
    const proposed = await council1.post(pageOf(council), { partnerId: forum.globalId, kind: 'PARTNERS_WITH' }, page);
    expect(proposed.status).toBe(303);
    expect(proposed.location).toBe(pageOf(council));
    const after = await council1.get(pageOf(council));
    expect(after.html).toContain('We have asked Walsall Faith Forum’s admins to confirm the partnership.');
    const mine = section(after, 'Proposals you made');
    expect(mine).toContain('Walsall Faith Forum');
    expect(actions(mine, '/end')).toHaveLength(1);
    // The proposing side cannot confirm its own proposal, and the API says so.
    expect(actions(after.html, '/confirm')).toEqual([]);
    const id = actions(mine, '/end')[0].split('/').at(-2) as string;
    expect((await council1.post(`${pageOf(council)}/${id}/confirm`, {}, after)).status).toBe(403);

    // Asking again: said beside the field.
    const again = await council1.post(pageOf(council), { partnerId: forum.globalId, kind: 'PARTNERS_WITH' }, after);
    expect(again.status).toBe(400);
    expect(again.errorSummary).toEqual([
      expect.stringMatching(/^These organisations were asked about a link recently; ask again from \d{4}-\d\d-\d\d$/),
    ]);
    expect(again.html).toContain('id="partnerId-error"');

    // Not yet on either public page; a stranger cannot act on it.
    expect(textOf((await webClient(t).get(`/organisations/${forum.globalId}`)).html)).not.toContain('Walsall Council');
    const stranger = await signedIn(member);
    await stranger.get('/');
    expect((await stranger.post(`${pageOf(forum)}/${id}/confirm`, {})).status).toBe(404);
    expect((await stranger.post(`${pageOf(forum)}/${id}/end`, {})).status).toBe(404);
    // Nor the admin of an organisation on neither side, through their own page.
    const network1 = await signedIn(networkAdmin);
    const networkPage = await network1.get(pageOf(network));
    expect((await network1.post(`${pageOf(network)}/${id}/confirm`, {}, networkPage)).status).toBe(404);

    const forum1 = await signedIn(forumAdmin);
    const review = await forum1.get(pageOf(forum));
    expect(review.status).toBe(200);
    const waiting = section(review, 'Waiting for you to confirm');
    expect(waiting).toContain('Walsall Council');
    expect(textOf(waiting)).toContain('Works in partnership');
    const [confirm] = actions(waiting, '/confirm');
    const confirmed = await forum1.post(confirm, {}, review);
    expect(confirmed.status).toBe(303);
    const done = await forum1.get(confirmed.location as string);
    expect(done.html).toContain('You confirmed the partnership with Walsall Council.');
    expect(section(done, 'Partners')).toContain('Walsall Council');
    expect(section(done, 'Waiting for you to confirm')).not.toContain('Walsall Council');

    expect(section(await council1.get(pageOf(council)), 'Partners')).toContain('Walsall Faith Forum');
    const publicPage = textOf((await webClient(t).get(`/organisations/${forum.globalId}`)).html);
    expect(publicPage).toContain('Walsall Council – works in partnership');
  });

  it('ends a partnership after a confirmation page, for either side', async () => {
    const forum1 = await signedIn(forumAdmin);
    const page = await forum1.get(pageOf(forum));
    const endLink = section(page, 'Partners').match(/href="([^"]+\/end)"/)?.[1] as string;
    expect(endLink).toBeDefined();
    const confirmPage = await forum1.get(endLink);
    expect(confirmPage.status).toBe(200);
    expect(confirmPage.title).toBe('End the partnership with Walsall Council – Cohesion Network');
    expect((await (await signedIn(member)).get(endLink)).status).toBe(404);
    const ended = await forum1.post(endLink, {}, confirmPage);
    expect(ended.status).toBe(303);
    const after = await forum1.get(ended.location as string);
    expect(after.html).toContain('The partnership with Walsall Council has ended.');
    expect(section(after, 'Partners')).not.toContain('Walsall Council');
    expect(section(await (await signedIn(councilAdmin)).get(pageOf(council)), 'Partners')).not.toContain(
      'Walsall Faith Forum',
    );
    // Gone: the page for it no longer exists.
    expect((await forum1.get(endLink)).status).toBe(404);
  });

  it('withdraws a proposal it made, and declines one made to it', async () => {
    const network1 = await signedIn(networkAdmin);
    let page = await network1.get(pageOf(network));
    const proposed = await network1.post(pageOf(network), { partnerId: council.globalId, kind: 'MEMBER_OF' }, page);
    expect(proposed.status).toBe(303);
    page = await network1.get(pageOf(network));
    expect(textOf(section(page, 'Proposals you made'))).toContain('A network this organisation belongs to');
    const [withdraw] = actions(section(page, 'Proposals you made'), '/end');
    const withdrawn = await network1.post(withdraw, {}, page);
    expect(withdrawn.status).toBe(303);
    page = await network1.get(pageOf(network));
    expect(page.html).toContain('You withdrew the proposal to Walsall Council.');
    expect(section(page, 'Proposals you made')).not.toContain('Walsall Council');

    const forum1 = await signedIn(forumAdmin);
    page = await forum1.get(pageOf(forum));
    await forum1.post(pageOf(forum), { partnerId: network.globalId, kind: 'MEMBER_OF' }, page);
    page = await network1.get(pageOf(network));
    const waiting = section(page, 'Waiting for you to confirm');
    expect(textOf(waiting)).toContain('Walsall Faith Forum A member of this network');
    const [decline] = actions(waiting, '/end');
    const declined = await network1.post(decline, {}, page);
    expect(declined.status).toBe(303);
    page = await network1.get(pageOf(network));
    expect(page.html).toContain('You declined the proposal from Walsall Faith Forum.');
    expect(section(page, 'Waiting for you to confirm')).not.toContain('Walsall Faith Forum');
    expect(section(await forum1.get(pageOf(forum)), 'Proposals you made')).not.toContain('Black Country Network');
  });

  it('lets a platform admin see and act for any organisation', async () => {
    // The pairs above were asked recently (one question a pair a month): a new organisation.
    const youth = await createOrganisation(t, { name: 'Walsall Youth Trust', visibility: 'PUBLIC' });
    const owner = await signedIn(councilAdmin);
    const page = await owner.get(pageOf(council));
    expect((await owner.post(pageOf(council), { partnerId: youth.globalId, kind: 'PARTNERS_WITH' }, page)).status).toBe(
      303,
    );
    const admin = await signedIn(platformAdmin);
    const review = await admin.get(pageOf(youth));
    expect(review.status).toBe(200);
    const [confirm] = actions(section(review, 'Waiting for you to confirm'), '/confirm');
    expect((await admin.post(confirm, {}, review)).status).toBe(303);
    expect(section(await admin.get(pageOf(council)), 'Partners')).toContain('Walsall Youth Trust');
    expect((await admin.get('/organisations/00000000-0000-4000-8000-000000000001/partnerships')).status).toBe(404);
  });
});
