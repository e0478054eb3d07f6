import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { fromGlobalId } from '@cohesion/common';
import { orukProblems } from '@cohesion/open-referral';
import { createTestApp, type TestApp } from '@cohesion/testing';
import { DEMO_PASSWORD, DemoDataService } from '../../apps/api/src/demo/demo-data.service.js';

describe('demo dataset', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('loads once, marked as demo, with working sign-ins for each role', async () => {
    const demo = t.app.get(DemoDataService);
    const first = await demo.seed();
    expect(first.seeded).toBe(true);
    expect(first.counts.organisations).toBeGreaterThanOrEqual(30);
    expect((await demo.seed()).seeded).toBe(false);
    const [{ count }] = await t.db.query<{ count: number }[]>('SELECT count(*)::int AS count FROM organisations');
    expect(count).toBe(first.counts.organisations);

    const councils = await t.db.query<{ name: string; code: string }[]>(
      `SELECT name, code FROM areas WHERE kind = 'LOCAL_AUTHORITY' ORDER BY code`,
    );
    expect(councils.map((row) => row.code)).toEqual([
      'E08000025',
      'E08000026',
      'E08000027',
      'E08000028',
      'E08000029',
      'E08000030',
      'E08000031',
    ]);
    const notDemo = await t.db.query<{ n: number }[]>(
      `SELECT (SELECT count(*) FROM organisations WHERE NOT is_demo) + (SELECT count(*) FROM services WHERE NOT is_demo)
            + (SELECT count(*) FROM practitioners WHERE NOT is_demo) AS n`,
    );
    expect(Number(notDemo[0].n)).toBe(0);

    const LOGIN = `mutation L($input: LoginInput!) { login(input: $input) { account { roles { role organisation { kind } } } } }`;
    const roles = async (email: string) =>
      (
        await t.gql<{ login: { account: { roles: { role: string; organisation: { kind: string } | null }[] } } }>(
          LOGIN,
          {
            input: { email, password: DEMO_PASSWORD },
          },
        )
      ).data.login.account.roles;
    expect(await roles('admin@demo.cohesion.example')).toEqual([{ role: 'ADMIN', organisation: null }]);
    expect(await roles('grants.officer@demo.cohesion.example')).toEqual([
      { role: 'GRANTS_OFFICER', organisation: { kind: 'LOCAL_AUTHORITY' } },
    ]);
    expect(await roles('org.admin@demo.cohesion.example')).toEqual([
      { role: 'ORG_ADMIN', organisation: { kind: 'VCS' } },
    ]);
    expect(await roles('member@demo.cohesion.example')).toEqual([]);
    // Every demo account has verified its address but one, there to show what that is like.
    const unverified = await t.db.query<{ email: string }[]>(
      `SELECT email FROM accounts WHERE email_verified_at IS NULL ORDER BY email`,
    );
    expect(unverified.map((row) => row.email)).toEqual(['newcomer@demo.cohesion.example']);
    const newcomer = await t.gql<{ login: { account: { emailVerified: boolean } } }>(
      `mutation L($input: LoginInput!) { login(input: $input) { account { emailVerified } } }`,
      { input: { email: 'newcomer@demo.cohesion.example', password: DEMO_PASSWORD } },
    );
    expect(newcomer.data.login.account.emailVerified).toBe(false);

    // Varied privacy: some profiles cannot be found, some keep details hidden.
    const privacy = await t.db.query<{ hidden: number; closed: number }[]>(
      `SELECT count(*) FILTER (WHERE NOT discoverable)::int AS hidden,
              count(*) FILTER (WHERE NOT open_to_introductions)::int AS closed FROM practitioners`,
    );
    expect(privacy[0].hidden).toBeGreaterThan(0);
    expect(privacy[0].closed).toBeGreaterThan(0);
  });

  it('gives the demo member a network to explore from the first sign-in', async () => {
    const token = async (email: string) => {
      const result = await t.gql<{ login: { accessToken: string } }>(
        `mutation L($input: LoginInput!) { login(input: $input) { accessToken } }`,
        { input: { email, password: DEMO_PASSWORD } },
      );
      return result.data.login.accessToken;
    };
    const member = await token('member@demo.cohesion.example');
    const orgAdmin = await token('org.admin@demo.cohesion.example');
    const seen = await t.gql<{
      myConnections: { totalCount: number };
      myIntroductions: { edges: { node: { status: string; awaitingYou: boolean } }[] };
      suggestedPeers: unknown[];
      unreadNotificationCount: number;
      search: { edges: { node: { id: string; fullName: string } }[] };
    }>(
      `{ myConnections { totalCount }
         myIntroductions(role: TARGET) { edges { node { status awaitingYou } } }
         suggestedPeers(first: 5) { reasons }
         unreadNotificationCount
         search(query: "Yusuf Abdi", filter: { kinds: [PRACTITIONER] }) { edges { node { ... on Practitioner { id fullName } } } } }`,
      {},
      member,
    );
    expect(seen.errors).toBeUndefined();
    expect(seen.data.myConnections.totalCount).toBe(3);
    expect(seen.data.myIntroductions.edges).toEqual([{ node: { status: 'PENDING_TARGET', awaitingYou: true } }]);
    expect(seen.data.suggestedPeers.length).toBeGreaterThan(0);
    expect(seen.data.unreadNotificationCount).toBe(1);
    const far = seen.data.search.edges[0].node;
    const path = await t.gql<{ introductionPath: { hops: number } }>(
      `query P($to: ID!) { introductionPath(to: $to) { hops } }`,
      { to: far.id },
      member,
    );
    expect(path.data.introductionPath.hops).toBe(4);
    const brokering = await t.gql<{ myIntroductions: { totalCount: number } }>(
      `{ myIntroductions(role: BROKER, status: PENDING_BROKER) { totalCount } }`,
      {},
      orgAdmin,
    );
    expect(brokering.data.myIntroductions.totalCount).toBe(1);
  });

  it('gives the demo grants officer a fund part way through its year', async () => {
    const login = await t.gql<{ login: { accessToken: string } }>(
      `mutation L($input: LoginInput!) { login(input: $input) { accessToken } }`,
      { input: { email: 'grants.officer@demo.cohesion.example', password: DEMO_PASSWORD } },
    );
    const officer = login.data.login.accessToken;
    const funds = await t.gql<{
      grantFunds: {
        id: string;
        name: string;
        budget: number;
        committed: number;
        paid: number;
        remaining: number;
        applicationsByStatus: { status: string; count: number }[];
        rounds: { id: string }[];
      }[];
    }>(
      `{ grantFunds { id name budget committed paid remaining applicationsByStatus { status count } rounds { id } } }`,
      {},
      officer,
    );
    expect(funds.errors).toBeUndefined();
    const [fund] = funds.data.grantFunds;
    // Awards: 3,000 + 2,500 live, 1,400 spent by the completed one; paid 2,000 + 2,500 + 1,400.
    expect(fund).toMatchObject({ budget: 8_700_000, committed: 690_000, paid: 590_000, remaining: 8_010_000 });
    expect(Object.fromEntries(fund.applicationsByStatus.map((row) => [row.status, row.count]))).toEqual({
      ACTIVE: 2,
      COMPLETED: 1,
      DECLINED: 1,
      INELIGIBLE: 1,
      IN_ASSESSMENT: 2,
    });
    const work = await t.gql<{
      roundPanel: { entries: unknown[] };
      overdueMonitoringReports: { award: { projectTitle: string } }[];
    }>(
      `query W($round: ID!) { roundPanel(roundId: $round) { entries { rank } }
         overdueMonitoringReports { award { projectTitle } } }`,
      { round: fund.rounds[0].id },
      officer,
    );
    expect(work.errors).toBeUndefined();
    expect(work.data.roundPanel.entries).toHaveLength(2);
    expect(work.data.overdueMonitoringReports).toEqual([{ award: { projectTitle: 'Blakenall Pantry Lunches' } }]);
    const published = await t.http().get(`/grants/360giving/funds/${fromGlobalId(fund.id, 'GrantFund', 'id')}.json`);
    expect(published.status).toBe(200);
    const body = published.body as {
      grants: { title: string; beneficiaryLocation?: { name: string; geoCode: string }[] }[];
      dataQualityWarnings: unknown[];
    };
    expect(body.grants).toHaveLength(3);
    // Every demo award is located, Blakenall's (a ward whose current code is not in the demo) in Walsall.
    expect(body.dataQualityWarnings).toEqual([]);
    const blakenall = body.grants.find((grant) => grant.title === 'Blakenall Pantry Lunches');
    expect(blakenall?.beneficiaryLocation).toEqual([
      expect.objectContaining({ name: 'Walsall', geoCode: 'E08000030' }),
    ]);
  });

  it('publishes the demo directory as an Open Referral UK feed valid in every page and item', async () => {
    type Part = { id: string };
    const all: {
      id: string;
      service_at_locations: Part[];
      schedules: Part[];
      contacts: Part[];
      cost_options: Part[];
    }[] = [];
    for (let page = 1; ; page++) {
      const response = await t.http().get('/openreferral/v3/services').query({ full: true, per_page: 10, page });
      expect(response.status).toBe(200);
      expect(orukProblems('service_list', response.body)).toEqual([]);
      all.push(...(response.body as { contents: typeof all }).contents);
      if ((response.body as { last_page: boolean }).last_page) break;
    }
    const [{ count }] = await t.db.query<{ count: number }[]>(
      `SELECT count(*)::int AS count FROM services s JOIN organisations o ON o.id = s.organisation_id
        WHERE s.status = 'active' AND s.visibility = 'PUBLIC' AND o.verified AND o.visibility = 'PUBLIC'`,
    );
    expect(all.length).toBe(count);
    expect(count).toBeGreaterThan(10);
    expect(all.some((service) => service.service_at_locations.length > 0)).toBe(true);
    // The demo's ids are the same on every machine (name-based UUIDs), its services' parts included.
    const parts = all.flatMap((service) => [
      service,
      ...service.service_at_locations,
      ...service.schedules,
      ...service.contacts,
      ...service.cost_options,
    ]);
    expect(parts.filter((part) => part.id[14] !== '5')).toEqual([]);
    for (const service of all) {
      const one = await t.http().get(`/openreferral/v3/services/${service.id}`);
      expect(orukProblems('service', one.body)).toEqual([]);
    }
    const organisations = await t.http().get('/openreferral/v3/organizations').query({ full: true, per_page: 100 });
    expect(orukProblems('organization_list', organisations.body)).toEqual([]);
  });
});
