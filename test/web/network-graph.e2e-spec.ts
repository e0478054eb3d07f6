import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { toGlobalId } from '@cohesion/common';
import {
  connect,
  createOrganisation,
  createPractitioner,
  createTestApp,
  webClient,
  type Created,
  type TestApp,
  type TestPractitioner,
} from '@cohesion/testing';

/** The data block's JSON, as the island reads it. */
function graphOf(html: string): {
  nodes: { id: string; label: string; href: string; depth: number }[];
  edges: unknown[];
} {
  const block = html.match(/<script type="application\/json" id="network-data">([\s\S]*?)<\/script>/)?.[1];
  if (!block) throw new Error('No network data block on the page');
  return JSON.parse(block) as never;
}

describe('the network picture pages', () => {
  let t: TestApp;
  let council: Created;
  let charity: Created;
  let me: TestPractitioner;
  let friend: TestPractitioner;
  let friendOfFriend: TestPractitioner;
  let hidden: TestPractitioner;
  let blocker: TestPractitioner;

  beforeAll(async () => {
    t = await createTestApp();
    council = await createOrganisation(t, { name: 'Graph Borough Council' });
    charity = await createOrganisation(t, { name: 'Graph Youth <Charity> & Co' });
    const at = (organisation: Created) => ({ memberships: [{ organisationId: organisation.id }] });
    me = await createPractitioner(t, { fullName: 'Graph Me', ...at(council) });
    friend = await createPractitioner(t, { fullName: 'Graph Friend', ...at(charity) });
    friendOfFriend = await createPractitioner(t, { fullName: 'Graph Friend Of Friend', ...at(charity) });
    hidden = await createPractitioner(t, { fullName: 'Graph Undiscoverable', discoverable: false, ...at(council) });
    blocker = await createPractitioner(t, { fullName: 'Graph Blocker', ...at(council) });
    await connect(t, me.id, friend.id);
    await connect(t, friend.id, friendOfFriend.id);
    await connect(t, me.id, hidden.id);
    await connect(t, me.id, blocker.id);
    await t.db.query('INSERT INTO practitioner_blocks (blocker_id, blocked_id) VALUES ($1, $2)', [blocker.id, me.id]);
  });
  afterAll(async () => t?.close());

  async function signedIn(person: TestPractitioner) {
    const browser = webClient(t);
    await browser.signIn(person.email, person.password);
    return browser;
  }

  it('asks a signed-out browser to sign in', async () => {
    const page = await webClient(t).get('/network');
    expect(page.status).toBe(303);
    expect(page.location).toBe('/sign-in?next=%2Fnetwork');
  });

  it('lists around me exactly what the graph service returns to me: a list, a table and the same data for the picture', async () => {
    const browser = await signedIn(me);
    const page = await browser.get('/network');
    expect(page.status).toBe(200);
    expect(page.title).toBe('Your network – Cohesion Network');
    expect(page.html).toContain(
      `<a class="govuk-link" href="/people/${friend.globalId}">Graph Friend</a>, 1 step away`,
    );
    expect(page.html).toContain(`href="/organisations/${council.globalId}">Graph Borough Council</a>`);
    expect(page.html).toContain('Graph Me</a> (you)');
    // Nobody I may not see: not someone undiscoverable, not someone who blocked me, nobody 2 steps away.
    for (const absent of ['Graph Undiscoverable', 'Graph Blocker', 'Graph Friend Of Friend']) {
      expect(page.html).not.toContain(absent);
    }
    expect(page.html).toMatch(/<td class="govuk-table__cell">is connected to<\/td>/);
    expect(page.html).toMatch(/<td class="govuk-table__cell">works at<\/td>/);
    const graph = graphOf(page.html);
    expect(graph.nodes.map((node) => node.label).sort()).toEqual(
      ['Graph Borough Council', 'Graph Friend', 'Graph Me'].sort(),
    );
    expect(graph.nodes.find((node) => node.label === 'Graph Friend')?.href).toBe(`/people/${friend.globalId}`);
    // The picture is for JavaScript to show; the island is loaded from this site, never inline.
    expect(page.html).toContain('<div class="cn-graph" id="network-graph"');
    expect(page.html).toMatch(/class="cn-graph"[^>]*hidden/);
    expect(page.html).toContain('<script type="module" src="/assets/network-graph.js"></script>');
  });

  it('looks 2 steps out when asked, and never anyone hidden from me', async () => {
    const browser = await signedIn(me);
    const page = await browser.get('/network?depth=2');
    expect(page.title).toBe('Your network (2 steps) – Cohesion Network');
    expect(page.html).toContain('Graph Friend Of Friend</a>, 2 steps away');
    expect(page.html).toContain('Graph Youth &lt;Charity&gt; &amp; Co');
    expect(page.html).not.toContain('Graph Undiscoverable');
    expect(page.html).not.toContain('Graph Blocker');
    // Names cannot break out of the data block.
    const block = page.html.match(/id="network-data">([\s\S]*?)<\/script>/)?.[1] ?? '';
    expect(block).not.toContain('<');
    expect(block).toContain('Graph Youth \\u003cCharity\\u003e \\u0026 Co');
    expect(graphOf(page.html).nodes.map((node) => node.label)).toContain('Graph Youth <Charity> & Co');
    // The same people and organisations the API's graph gives me, no more.
    const api = await t.gql<{ network: { nodes: { id: string }[]; edges: unknown[] } }>(
      'query ($around: ID!) { network(around: $around, depth: 2) { nodes { id } edges { source } } }',
      { around: me.globalId },
      me.token,
    );
    const shown = graphOf(page.html);
    expect(shown.nodes.map((node) => node.id).sort()).toEqual(api.data.network.nodes.map((node) => node.id).sort());
    expect(shown.edges).toHaveLength(api.data.network.edges.length);
    const listed = [...page.html.matchAll(/<li><a class="govuk-link" href="\/(?:people|organisations)\/([^"]+)"/g)].map(
      (m) => m[1],
    );
    expect(listed.sort()).toEqual(api.data.network.nodes.map((node) => node.id).sort());
    // Anything else is depth 1.
    expect((await browser.get('/network?depth=7')).title).toBe('Your network – Cohesion Network');
  });

  it('shows the network around an organisation, by global id or uuid; a made-up one is not found', async () => {
    const browser = await signedIn(me);
    const page = await browser.get(`/organisations/${charity.globalId}/network`);
    expect(page.status).toBe(200);
    expect(page.title).toBe('Network around Graph Youth &lt;Charity&gt; &amp; Co – Cohesion Network');
    expect(page.html).toContain(`href="/people/${friend.globalId}">Graph Friend</a>`);
    expect(page.html).toContain(`href="/people/${friendOfFriend.globalId}">Graph Friend Of Friend</a>`);
    expect((await browser.get(`/organisations/${charity.id}/network`)).status).toBe(200);
    const missing = await browser.get(
      `/organisations/${toGlobalId('Organisation', '00000000-0000-4000-8000-000000000000')}/network`,
    );
    expect(missing.status).toBe(404);
    expect((await browser.get('/organisations/nonsense/network')).status).toBe(404);
  });

  it('refuses every tier below verified member with the policy’s words', async () => {
    const waiting = await createPractitioner(t, { verifiedMember: false });
    const page = await (await signedIn(waiting)).get('/network');
    expect(page.status).toBe(403);
    expect(page.html).toContain('You can search people and take part in the network once an organisation confirms');
    const around = await (await signedIn(waiting)).get(`/organisations/${council.globalId}/network`);
    expect(around.status).toBe(403);

    const unverified = await createPractitioner(t, { emailVerified: false });
    const refused = await (await signedIn(unverified)).get('/network');
    expect(refused.status).toBe(403);
    expect(refused.html).toContain('Confirm your email address first');
  });
});
