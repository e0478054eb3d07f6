import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  addLocation,
  connect,
  createArea,
  createOrganisation,
  createPractitioner,
  createService,
  createTerm,
  createTestApp,
  errorCode,
  errorFields,
  termId,
  type TestApp,
} from '@cohesion/testing';

const SEARCH = `query Search($query: String, $filter: SearchFilter, $sort: SearchSort, $first: Int, $after: String) {
  search(query: $query, filter: $filter, sort: $sort, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    origin { latitude longitude precision postcode }
    edges {
      cursor score highlight distanceMetres
      node {
        __typename
        ... on Organisation { id name }
        ... on Service { id name }
        ... on Practitioner { id fullName contact { email phone mobile } }
      }
    }
  }
}`;
const FACETS = `query Facets($query: String, $filter: SearchFilter) {
  search(query: $query, filter: $filter, first: 1) {
    totalCount
    facets {
      kinds { value count } organisationKinds { value count } themes { value label count }
      areas { value label count } languages { value label count }
    }
  }
}`;

interface Hit {
  cursor: string;
  score: number;
  highlight: string | null;
  distanceMetres: number | null;
  node: { __typename: string; id: string; name?: string; fullName?: string; contact?: Record<string, string | null> };
}
interface SearchResult {
  search: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string };
    origin: { latitude: number; longitude: number; precision: string; postcode: string | null } | null;
    edges: Hit[];
  };
}

const WALSALL = { latitude: 52.5795, longitude: -1.9779 };
const BIRMINGHAM_B7 = { latitude: 52.4931, longitude: -1.8719 };

describe('search', () => {
  let t: TestApp;
  let member: { token: string; id: string };

  beforeAll(async () => {
    t = await createTestApp();
    member = await createPractitioner(t);
  });
  afterAll(async () => {
    await t.close();
  });

  async function search(variables: Record<string, unknown>, token?: string): Promise<Hit[]> {
    const result = await t.gql<SearchResult>(SEARCH, { first: 100, ...variables }, token);
    expect(result.errors).toBeUndefined();
    return result.data.search.edges;
  }
  const names = (hits: Hit[]) => hits.map((hit) => hit.node.name ?? hit.node.fullName);

  describe('text that forgives people', () => {
    beforeAll(async () => {
      await createOrganisation(t, {
        name: 'Smart Women Community Group',
        description: 'Confidence and skills for women in Pleck.',
      });
      await createOrganisation(t, {
        name: 'Wolverhampton Interfaith Kitchen',
        description: 'Shared meals across faiths.',
      });
      await createOrganisation(t, {
        name: 'Café Soleil Welcome Table',
        description: 'A weekly welcome for new arrivals.',
      });
      await createOrganisation(t, {
        name: 'Quarry Volunteers Hub',
        description: 'Volunteering opportunities for everyone.',
      });
      await createOrganisation(t, {
        name: 'Quarry Sports Trust',
        description: 'Football and cricket for young people.',
      });
    });

    it('finds misspelt and partial names by trigram similarity', async () => {
      expect(names(await search({ query: 'Smart Women Comunity' }))).toContain('Smart Women Community Group');
      expect(names(await search({ query: 'Wolverhamton' }))).toContain('Wolverhampton Interfaith Kitchen');
      expect(names(await search({ query: 'interfaith kitch' }))).toContain('Wolverhampton Interfaith Kitchen');
    });

    it('stems English and ignores accents', async () => {
      expect(names(await search({ query: 'volunteer' }))).toContain('Quarry Volunteers Hub');
      expect(names(await search({ query: 'cafe soleil' }))).toContain('Café Soleil Welcome Table');
      expect(names(await search({ query: 'CAFÉ soleil' }))).toContain('Café Soleil Welcome Table');
    });

    it('understands web search syntax: phrases, or, and exclusion', async () => {
      expect(names(await search({ query: 'quarry -football' }))).toEqual(['Quarry Volunteers Hub']);
      expect(names(await search({ query: '"young people" quarry' }))).toEqual(['Quarry Sports Trust']);
      expect(names(await search({ query: 'cricket or volunteering' })).sort()).toEqual([
        'Quarry Sports Trust',
        'Quarry Volunteers Hub',
      ]);
    });

    it('highlights matched words and escapes everything else', async () => {
      await createOrganisation(t, {
        name: 'Markup Test Forum',
        description: 'Tom & Jerry <script>alert(1)</script> love zebras "and" giraffes.',
      });
      const [hit] = await search({ query: 'zebras' });
      expect(hit.highlight).toContain('<mark>zebras</mark>');
      expect(hit.highlight).toContain('Tom &#38; Jerry');
      expect(hit.highlight).toContain('&#34;and&#34;');
      expect(hit.highlight?.replaceAll('<mark>', '').replaceAll('</mark>', '')).not.toMatch(/[<>]/);
    });
  });

  describe('ranking', () => {
    it('puts an exact name first, then text rank and similarity; fresher breaks ties', async () => {
      await createOrganisation(t, { name: 'Riverside Youth Forum Network', description: 'A network of youth forums.' });
      await createOrganisation(t, { name: 'Riverside Youth Forum', description: 'Young people in Riverside.' });
      await createOrganisation(t, {
        name: 'Another Group',
        description: 'Partners with the riverside youth forum each month.',
      });
      const hits = await search({ query: 'Riverside Youth Forum' });
      expect(names(hits)[0]).toBe('Riverside Youth Forum');
      expect(hits[0].score).toBeGreaterThan(10);
      expect(names(hits).slice(1, 3)).toEqual(['Riverside Youth Forum Network', 'Another Group']);

      const older = await createOrganisation(t, { name: 'Tiebreak Old Group', description: 'tiebreakword' });
      const newer = await createOrganisation(t, { name: 'Tiebreak New Group', description: 'tiebreakword' });
      await t.db.query(`UPDATE organisations SET updated_at = '2021-01-01' WHERE id = $1`, [older.id]);
      await t.db.query(`UPDATE organisations SET updated_at = '2026-01-01' WHERE id = $1`, [newer.id]);
      expect(names(await search({ query: 'tiebreakword' }))).toEqual(['Tiebreak New Group', 'Tiebreak Old Group']);
    });

    it('pages through a result set without skipping or repeating, matching one unpaged query', async () => {
      const area = await createArea(t, { name: 'Paging Borough' });
      for (let i = 0; i < 12; i++) {
        const organisation = await createOrganisation(t, {
          name: `Pagewalk Group ${i % 4}`,
          description: 'pagewalk pagewalk',
          areaIds: [area.id],
        });
        await createService(t, {
          organisationId: organisation.id,
          name: `Pagewalk Service ${i % 3}`,
          description: 'pagewalk',
          areaIds: [area.id],
        });
        await createPractitioner(t, { fullName: `Pagewalk Person ${i % 5}`, bio: 'pagewalk', areaIds: [area.id] });
      }
      const filter = { areaIds: [area.globalId] };
      const all = await search({ query: 'pagewalk', filter }, member.token);
      expect(all).toHaveLength(36);
      const seen: string[] = [];
      let after: string | undefined;
      for (;;) {
        const page = await t.gql<SearchResult>(SEARCH, { query: 'pagewalk', filter, first: 7, after }, member.token);
        seen.push(...page.data.search.edges.map((edge) => edge.node.id));
        if (!page.data.search.pageInfo.hasNextPage) break;
        after = page.data.search.pageInfo.endCursor;
      }
      expect(seen).toEqual(all.map((hit) => hit.node.id));
      expect(new Set(seen).size).toBe(36);
    });
  });

  describe('filters', () => {
    let region: { id: string; globalId: string };
    let council: { id: string; globalId: string };
    let ward: { id: string; globalId: string };
    let elsewhere: { id: string; globalId: string };

    beforeAll(async () => {
      region = await createArea(t, { kind: 'REGION', name: 'Filterland', code: null });
      council = await createArea(t, { name: 'Filterton Council', parentId: region.id });
      ward = await createArea(t, { kind: 'WARD', name: 'Filterton East', code: null, parentId: council.id });
      elsewhere = await createArea(t, { name: 'Elsewhere Council', parentId: region.id });
    });

    it('by kinds and organisation kinds (organisations, their services and their people)', async () => {
      const mosque = await createOrganisation(t, {
        name: 'Kindcheck Mosque',
        kind: 'FAITH_GROUP',
        faithTradition: 'MUSLIM',
      });
      const charity = await createOrganisation(t, { name: 'Kindcheck Charity', kind: 'VCS' });
      await createService(t, { organisationId: mosque.id, name: 'Kindcheck Open Day' });
      await createService(t, { organisationId: charity.id, name: 'Kindcheck Homework Club' });
      await createPractitioner(t, { fullName: 'Kindcheck Imam', memberships: [{ organisationId: mosque.id }] });
      const query = 'kindcheck';
      expect(names(await search({ query, filter: { kinds: ['SERVICE'] } }, member.token)).sort()).toEqual([
        'Kindcheck Homework Club',
        'Kindcheck Open Day',
      ]);
      expect(
        names(await search({ query, filter: { organisationKinds: ['FAITH_GROUP'] } }, member.token)).sort(),
      ).toEqual(['Kindcheck Imam', 'Kindcheck Mosque', 'Kindcheck Open Day']);
      expect(
        names(await search({ query, filter: { faithTraditions: ['MUSLIM'], kinds: ['ORGANISATION'] } }, member.token)),
      ).toEqual(['Kindcheck Mosque']);
    });

    it('by organisation: the organisation, its services and the people who work there now', async () => {
      const centre = await createOrganisation(t, { name: 'Orgcheck Centre' });
      const other = await createOrganisation(t, { name: 'Orgcheck Elsewhere' });
      await createService(t, { organisationId: centre.id, name: 'Orgcheck Drop-in' });
      await createService(t, { organisationId: other.id, name: 'Orgcheck Lunch Club' });
      await createPractitioner(t, { fullName: 'Orgcheck Worker', memberships: [{ organisationId: centre.id }] });
      await createPractitioner(t, {
        fullName: 'Orgcheck Leaver',
        memberships: [{ organisationId: centre.id, status: 'ENDED' }, { organisationId: other.id }],
      });
      const query = 'orgcheck';
      expect(
        names(await search({ query, filter: { organisationIds: [centre.globalId] } }, member.token)).sort(),
      ).toEqual(['Orgcheck Centre', 'Orgcheck Drop-in', 'Orgcheck Worker']);
      expect(
        names(
          await search(
            { query, filter: { organisationIds: [centre.globalId], kinds: ['PRACTITIONER'] } },
            member.token,
          ),
        ),
      ).toEqual(['Orgcheck Worker']);
      const wrong = await t.gql(SEARCH, { query, filter: { organisationIds: [member.id] } }, member.token);
      expect(errorCode(wrong)).toBe('BAD_USER_INPUT');
    });

    it('by theme and service type, including narrower terms', async () => {
      const hateCrime = await termId(t, 'cohesion-themes', 'hate-crime');
      const narrower = await createTerm(t, 'cohesion-themes', {
        code: 'themecheck-reporting',
        name: 'Themecheck reporting',
        parentId: hateCrime.id,
      });
      const befriending = await termId(t, 'service-types', 'befriending');
      const organisation = await createOrganisation(t, {
        name: 'Themecheck Reporting Centre',
        themeIds: [narrower.id],
      });
      await createOrganisation(t, { name: 'Themecheck Art Club' });
      await createService(t, {
        organisationId: organisation.id,
        name: 'Themecheck Befriending',
        termIds: [befriending.id],
      });
      await createPractitioner(t, { fullName: 'Themecheck Officer', themeIds: [hateCrime.id] });
      expect(
        names(await search({ query: 'themecheck', filter: { themeIds: [hateCrime.globalId] } }, member.token)).sort(),
      ).toEqual(['Themecheck Officer', 'Themecheck Reporting Centre']);
      expect(
        names(await search({ query: 'themecheck', filter: { serviceTypeIds: [befriending.globalId] } }, member.token)),
      ).toEqual(['Themecheck Befriending']);
    });

    it('by area, including everything inside it: areas covered, served, or where a service is held', async () => {
      const organisation = await createOrganisation(t, { name: 'Areacheck Ward Group', areaIds: [ward.id] });
      await createOrganisation(t, { name: 'Areacheck Far Group', areaIds: [elsewhere.id] });
      const held = await createService(t, { organisationId: organisation.id, name: 'Areacheck Held Service' });
      await addLocation(t, held.id, { name: 'Areacheck Hall', areaId: ward.id });
      await createService(t, { organisationId: organisation.id, name: 'Areacheck For Service', areaIds: [council.id] });
      await createService(t, {
        organisationId: organisation.id,
        name: 'Areacheck Elsewhere Service',
        areaIds: [elsewhere.id],
      });
      await createPractitioner(t, { fullName: 'Areacheck Worker', areaIds: [ward.id] });
      expect(
        names(await search({ query: 'areacheck', filter: { areaIds: [council.globalId] } }, member.token)).sort(),
      ).toEqual(['Areacheck For Service', 'Areacheck Held Service', 'Areacheck Ward Group', 'Areacheck Worker']);
      expect(
        names(await search({ query: 'areacheck', filter: { areaIds: [region.globalId] } }, member.token)),
      ).toHaveLength(6);
    });

    it('places people where their current organisations serve: search, practitioners and myConnections', async () => {
      const police = await createOrganisation(t, { name: 'Placecheck Police', kind: 'POLICE', areaIds: [ward.id] });
      const former = await createOrganisation(t, { name: 'Placecheck Former Employer', areaIds: [council.id] });
      const farAway = await createOrganisation(t, { name: 'Placecheck Far Team', areaIds: [elsewhere.id] });
      const inspector = await createPractitioner(t, {
        fullName: 'Placecheck Inspector',
        memberships: [{ organisationId: police.id }],
      });
      const leaver = await createPractitioner(t, {
        fullName: 'Placecheck Leaver',
        memberships: [{ organisationId: former.id, startDate: '2020-01-01', endDate: '2021-12-31' }],
      });
      const own = await createPractitioner(t, { fullName: 'Placecheck Own Area', areaIds: [ward.id] });
      const far = await createPractitioner(t, {
        fullName: 'Placecheck Far Worker',
        memberships: [{ organisationId: farAway.id }],
      });
      const inCouncil = { areaIds: [council.globalId] };
      const people = (hits: Hit[]) => names(hits.filter((hit) => hit.node.__typename === 'Practitioner')).sort();
      expect(people(await search({ query: 'placecheck', filter: inCouncil }, member.token))).toEqual([
        'Placecheck Inspector',
        'Placecheck Own Area',
      ]);
      expect(people(await search({ filter: { ...inCouncil, kinds: ['PRACTITIONER'] } }, member.token))).toEqual(
        expect.arrayContaining(['Placecheck Inspector', 'Placecheck Own Area']),
      );
      const facets = await t.gql<{ search: { facets: { areas: { label: string; count: number }[] } } }>(
        FACETS,
        { query: 'placecheck inspector' },
        member.token,
      );
      expect(facets.data.search.facets.areas).toEqual([
        { value: council.globalId, label: 'Filterton Council', count: 1 },
      ]);

      const listed = await t.gql<{ practitioners: { edges: { node: { fullName: string } }[] } }>(
        `query ($filter: PractitionersFilter) { practitioners(filter: $filter, first: 100) { edges { node { fullName } } } }`,
        { filter: inCouncil },
        member.token,
      );
      expect(listed.errors).toBeUndefined();
      const placed = listed.data.practitioners.edges.map((edge) => edge.node.fullName);
      expect(placed).toEqual(expect.arrayContaining(['Placecheck Inspector', 'Placecheck Own Area']));
      expect(placed).not.toContain('Placecheck Leaver');
      expect(placed).not.toContain('Placecheck Far Worker');

      const friend = await createPractitioner(t);
      for (const peer of [inspector, leaver, own, far]) await connect(t, friend.id, peer.id);
      const connections = await t.gql<{
        myConnections: { edges: { node: { practitioner: { fullName: string } } }[] };
      }>(
        `query ($filter: MyConnectionsFilter) {
          myConnections(filter: $filter, first: 100) { edges { node { practitioner { fullName } } } } }`,
        { filter: inCouncil },
        friend.token,
      );
      expect(connections.errors).toBeUndefined();
      expect(connections.data.myConnections.edges.map((edge) => edge.node.practitioner.fullName).sort()).toEqual([
        'Placecheck Inspector',
        'Placecheck Own Area',
      ]);
    });

    it('by language, verification and openness to introductions', async () => {
      await createOrganisation(t, { name: 'Langcheck Punjabi Group', languages: ['pa', 'en'] });
      await createOrganisation(t, { name: 'Langcheck English Group', languages: ['en'], verified: false });
      await createPractitioner(t, { fullName: 'Langcheck Open Person', languages: ['pa'], openToIntroductions: true });
      await createPractitioner(t, {
        fullName: 'Langcheck Closed Person',
        languages: ['pa'],
        openToIntroductions: false,
      });
      expect(names(await search({ query: 'langcheck', filter: { languages: ['pa'] } }, member.token)).sort()).toEqual([
        'Langcheck Closed Person',
        'Langcheck Open Person',
        'Langcheck Punjabi Group',
      ]);
      expect(
        names(
          await search({ query: 'langcheck', filter: { verifiedOnly: true, kinds: ['ORGANISATION'] } }, member.token),
        ),
      ).toEqual(['Langcheck Punjabi Group']);
      // A people-only filter leaves people only.
      expect(names(await search({ query: 'langcheck', filter: { openToIntroductions: true } }, member.token))).toEqual([
        'Langcheck Open Person',
      ]);
    });

    it('services by age, day, price and status (and only services)', async () => {
      const organisation = await createOrganisation(t, { name: 'Servicecheck Provider' });
      const teens = await createService(t, {
        organisationId: organisation.id,
        name: 'Servicecheck Teens',
        minimumAge: 13,
        maximumAge: 19,
      });
      const adults = await createService(t, {
        organisationId: organisation.id,
        name: 'Servicecheck Adults',
        minimumAge: 18,
      });
      const closed = await createService(t, {
        organisationId: organisation.id,
        name: 'Servicecheck Closed',
        status: 'temporarily closed',
      });
      await t.db.query(
        `INSERT INTO service_schedules (service_id, freq, byday) VALUES ($1, 'WEEKLY', 'MO,WE'), ($2, 'MONTHLY', '2SA')`,
        [teens.id, adults.id],
      );
      await t.db.query(
        `INSERT INTO service_cost_options (service_id, amount_pence) VALUES ($1, 0), ($2, 0), ($2, 300), ($3, 0)`,
        [teens.id, adults.id, closed.id],
      );
      const query = 'servicecheck';
      expect(names(await search({ query, filter: { age: 15 } })).sort()).toEqual([
        'Servicecheck Closed',
        'Servicecheck Teens',
      ]);
      expect(names(await search({ query, filter: { dayOfWeek: 'WEDNESDAY' } }))).toEqual(['Servicecheck Teens']);
      expect(names(await search({ query, filter: { dayOfWeek: 'SATURDAY' } }))).toEqual(['Servicecheck Adults']);
      expect(names(await search({ query, filter: { freeOnly: true } })).sort()).toEqual([
        'Servicecheck Closed',
        'Servicecheck Teens',
      ]);
      expect(names(await search({ query, filter: { activeOnly: true } })).sort()).toEqual([
        'Servicecheck Adults',
        'Servicecheck Teens',
      ]);
      expect(names(await search({ query, filter: { activeOnly: true, freeOnly: true, age: 16 } }))).toEqual([
        'Servicecheck Teens',
      ]);
    });

    it('filters services by a part of the day, on a day when one is given', async () => {
      const organisation = await createOrganisation(t, { name: 'Timecheck Provider' });
      const morning = await createService(t, { organisationId: organisation.id, name: 'Timecheck Morning' });
      const evening = await createService(t, { organisationId: organisation.id, name: 'Timecheck Evening' });
      await createService(t, { organisationId: organisation.id, name: 'Timecheck Unscheduled' });
      await t.db.query(
        `INSERT INTO service_schedules (service_id, freq, byday, opens_at, closes_at)
         VALUES ($1, 'WEEKLY', 'TU', '10:00', '12:00'), ($2, 'WEEKLY', 'TH', '18:00', '20:30')`,
        [morning.id, evening.id],
      );
      const query = 'timecheck';
      const between = (from: string, to: string) => ({ openBetween: { from, to } });
      expect(names(await search({ query, filter: between('08:00', '12:00') }))).toEqual(['Timecheck Morning']);
      expect(names(await search({ query, filter: between('17:00', '22:00') }))).toEqual(['Timecheck Evening']);
      // Touching the end of a session is not overlapping it.
      expect(names(await search({ query, filter: between('12:00', '17:00') }))).toEqual([]);
      expect(names(await search({ query, filter: { ...between('17:00', '22:00'), dayOfWeek: 'TUESDAY' } }))).toEqual(
        [],
      );
      expect(names(await search({ query, filter: { ...between('08:00', '12:00'), dayOfWeek: 'TUESDAY' } }))).toEqual([
        'Timecheck Morning',
      ]);
      const backwards = await t.gql(SEARCH, { query, filter: between('12:00', '08:00') });
      expect(errorFields(backwards)).toEqual(['filter.openBetween.to']);
    });

    describe('distance', () => {
      beforeAll(async () => {
        const near = await createOrganisation(t, {
          name: 'Distcheck Walsall Centre',
          postcode: 'WS1 1TP',
          latitude: WALSALL.latitude,
          longitude: WALSALL.longitude,
        });
        const far = await createOrganisation(t, {
          name: 'Distcheck Birmingham Centre',
          latitude: BIRMINGHAM_B7.latitude,
          longitude: BIRMINGHAM_B7.longitude,
        });
        const service = await createService(t, { organisationId: far.id, name: 'Distcheck Class' });
        await addLocation(t, service.id, {
          name: 'Distcheck Hall',
          latitude: WALSALL.latitude + 0.009,
          longitude: WALSALL.longitude,
        });
        await createPractitioner(t, { fullName: 'Distcheck Worker', memberships: [{ organisationId: near.id }] });
      });

      it('by a full postcode known to the directory, nearest first, with distances', async () => {
        const result = await t.gql<SearchResult>(
          SEARCH,
          { query: 'distcheck', filter: { near: { postcode: 'ws11tp', withinMetres: 2000 } }, sort: 'NEAREST' },
          member.token,
        );
        expect(result.data.search.origin).toMatchObject({ precision: 'POSTCODE', postcode: 'WS1 1TP' });
        const hits = result.data.search.edges;
        expect(names(hits)).toEqual(['Distcheck Walsall Centre', 'Distcheck Worker', 'Distcheck Class']);
        expect(hits.map((hit) => hit.distanceMetres)).toEqual([0, 0, expect.any(Number)]);
        expect(hits[2].distanceMetres).toBeGreaterThan(950);
        expect(hits[2].distanceMetres).toBeLessThan(1050);
      });

      it('by a district, or a postcode only known by its district, saying so', async () => {
        const district = await t.gql<SearchResult>(SEARCH, {
          query: 'distcheck',
          filter: { near: { postcode: 'B7', withinMetres: 3000 } },
        });
        expect(district.data.search.origin).toMatchObject({ precision: 'OUTWARD_CODE', postcode: 'B7' });
        expect(names(district.data.search.edges)).toEqual(['Distcheck Birmingham Centre']);
        const unknownFull = await t.gql<SearchResult>(SEARCH, {
          query: 'distcheck',
          filter: { near: { postcode: 'B7 9ZZ', withinMetres: 3000 } },
        });
        expect(unknownFull.data.search.origin).toMatchObject({ precision: 'OUTWARD_CODE', postcode: 'B7' });
      });

      it('by coordinates', async () => {
        const result = await t.gql<SearchResult>(SEARCH, {
          query: 'distcheck',
          filter: { near: { point: BIRMINGHAM_B7, withinMetres: 500 } },
        });
        expect(result.data.search.origin?.precision).toBe('COORDINATES');
        expect(names(result.data.search.edges)).toEqual(['Distcheck Birmingham Centre']);
      });

      it('refuses unknown and malformed postcodes, naming the field, instead of returning nothing', async () => {
        const unknown = await t.gql(SEARCH, { query: 'x', filter: { near: { postcode: 'ZE9 9ZZ' } } });
        expect(errorCode(unknown)).toBe('BAD_USER_INPUT');
        expect(errorFields(unknown)).toEqual(['filter.near.postcode']);
        expect(unknown.errors?.[0].message).toContain('not a postcode we know');
        const malformed = await t.gql(SEARCH, { query: 'x', filter: { near: { postcode: 'HELLO' } } });
        expect(errorFields(malformed)).toEqual(['filter.near.postcode']);
        const nearestWithoutNear = await t.gql(SEARCH, { query: 'x', sort: 'NEAREST' });
        expect(errorFields(nearestWithoutNear)).toEqual(['sort']);
        const both = await t.gql(SEARCH, { filter: { near: { postcode: 'WS1', point: WALSALL } } });
        expect(errorFields(both)).toEqual(['filter.near']);
        const far = await t.gql(SEARCH, { filter: { near: { postcode: 'WS1', withinMetres: 500_000 } } });
        expect(errorFields(far)).toEqual(['filter.near.withinMetres']);
      });
    });
  });

  describe('privacy', () => {
    beforeAll(async () => {
      const open = await createOrganisation(t, { name: 'Privcheck Open Org' });
      const hidden = await createOrganisation(t, { name: 'Privcheck Members Org', visibility: 'MEMBERS' });
      await createOrganisation(t, { name: 'Privcheck Unverified Org', verified: false });
      await createService(t, { organisationId: open.id, name: 'Privcheck Public Service' });
      await createService(t, { organisationId: open.id, name: 'Privcheck Members Service', visibility: 'MEMBERS' });
      await createService(t, { organisationId: hidden.id, name: 'Privcheck Service Of Members Org' });
    });

    it('shows anonymous callers public organisations and services only, and counts nothing else', async () => {
      const anonymous = await t.gql<SearchResult>(SEARCH, { query: 'privcheck', first: 100 });
      expect(names(anonymous.data.search.edges).sort()).toEqual(['Privcheck Open Org', 'Privcheck Public Service']);
      expect(anonymous.data.search.totalCount).toBe(2);
      const facets = await t.gql<{ search: { facets: { kinds: { value: string; count: number }[] } } }>(FACETS, {
        query: 'privcheck',
      });
      expect(facets.data.search.facets.kinds).toEqual([
        { value: 'ORGANISATION', count: 1 },
        { value: 'SERVICE', count: 1 },
      ]);
    });

    it('never shows practitioners to anonymous callers, nor undiscoverable ones to anyone', async () => {
      const hiddenPerson = await createPractitioner(t, { fullName: 'Privcheck Hidden Person', discoverable: false });
      await createPractitioner(t, { fullName: 'Privcheck Visible Person' });
      expect(names(await search({ query: 'privcheck person' }))).toEqual([]);
      expect(names(await search({ query: 'privcheck person' }, member.token))).toEqual(['Privcheck Visible Person']);
      // Not even to themselves: search is how others find you.
      expect(names(await search({ query: 'privcheck person' }, hiddenPerson.token))).toEqual([
        'Privcheck Visible Person',
      ]);
      // Members see every listing: three organisations, three services, the one findable person.
      expect(names(await search({ query: 'privcheck' }, member.token))).toHaveLength(7);
    });

    it('shows contact details by their visibility: members, then connections', async () => {
      const person = await createPractitioner(t, {
        fullName: 'Privcheck Contact Person',
        contactEmail: 'contact.person@example.org',
        contactEmailVisibility: 'MEMBERS',
        contactPhone: '0121 496 0777',
        contactPhoneVisibility: 'CONNECTIONS',
        contactMobile: '07700 900777',
        contactMobileVisibility: 'HIDDEN',
      });
      const stranger = await createPractitioner(t);
      const friend = await createPractitioner(t);
      await connect(t, person.id, friend.id);
      const [asStranger] = await search(
        { query: 'Privcheck Contact Person', filter: { kinds: ['PRACTITIONER'] } },
        stranger.token,
      );
      expect(asStranger.node.contact).toEqual({ email: 'contact.person@example.org', phone: null, mobile: null });
      const [asFriend] = await search(
        { query: 'Privcheck Contact Person', filter: { kinds: ['PRACTITIONER'] } },
        friend.token,
      );
      expect(asFriend.node.contact).toEqual({
        email: 'contact.person@example.org',
        phone: '0121 496 0777',
        mobile: null,
      });
    });

    it('never matches or highlights contact details, which are not searchable', async () => {
      await createPractitioner(t, {
        fullName: 'Privcheck Secret Keeper',
        contactMobile: '07700 900555',
        contactMobileVisibility: 'HIDDEN',
        contactEmail: 'uniquesecretaddress@example.org',
        contactEmailVisibility: 'HIDDEN',
      });
      expect(await search({ query: 'uniquesecretaddress' }, member.token)).toEqual([]);
      expect(await search({ query: '900555' }, member.token)).toEqual([]);
    });
  });

  describe('facets', () => {
    it('count kinds, organisation kinds, themes, local authorities and languages over all results', async () => {
      const region = await createArea(t, { kind: 'REGION', name: 'Facetland', code: null });
      const council = await createArea(t, { name: 'Facetshire Council', parentId: region.id });
      const ward = await createArea(t, { kind: 'WARD', name: 'Facet Ward', code: null, parentId: council.id });
      const youth = await termId(t, 'cohesion-themes', 'youth');
      for (let i = 0; i < 3; i++) {
        await createOrganisation(t, {
          name: `Facetcheck Club ${i}`,
          kind: 'VCS',
          areaIds: [ward.id],
          themeIds: [youth.id],
          languages: ['en', 'ur'],
        });
      }
      await createOrganisation(t, { name: 'Facetcheck School', kind: 'SCHOOL', languages: ['en'] });
      await createPractitioner(t, {
        fullName: 'Facetcheck Youth Worker',
        areaIds: [council.id],
        themeIds: [youth.id],
        languages: ['pl'],
      });
      const result = await t.gql<{
        search: {
          totalCount: number;
          facets: Record<string, { value: string; label: string; count: number }[]>;
        };
      }>(FACETS, { query: 'facetcheck' }, member.token);
      const { totalCount, facets } = result.data.search;
      expect(totalCount).toBe(5);
      expect(facets.kinds).toEqual([
        { value: 'ORGANISATION', count: 4 },
        { value: 'PRACTITIONER', count: 1 },
      ]);
      expect(facets.organisationKinds).toEqual([
        { value: 'VCS', count: 3 },
        { value: 'SCHOOL', count: 1 },
      ]);
      expect(facets.themes).toEqual([{ value: youth.globalId, label: 'Youth', count: 4 }]);
      expect(facets.areas).toEqual([{ value: council.globalId, label: 'Facetshire Council', count: 4 }]);
      expect(facets.languages).toEqual([
        { value: 'en', label: 'English', count: 4 },
        { value: 'ur', label: 'Urdu', count: 3 },
        { value: 'pl', label: 'Polish', count: 1 },
      ]);

      // Asked for alone, the total is counted with the page (no facets), in the same one statement.
      t.resetStatements();
      const counted = await t.gql<{ search: { totalCount: number; edges: unknown[] } }>(
        `query Count($query: String) { search(query: $query, first: 2) { totalCount edges { cursor } } }`,
        { query: 'facetcheck' },
      );
      expect(counted.data.search).toEqual({ totalCount: 4, edges: [expect.anything(), expect.anything()] });
      expect(t.statements()).toBe(1);
    });
  });

  describe('what is searched stays current', () => {
    it('finds records by the names of their themes and areas, and follows renames', async () => {
      const area = await createArea(t, { name: 'Tagsborough' });
      const term = await createTerm(t, 'cohesion-themes', { code: 'tagcheck-theme', name: 'Quillwort gardening' });
      const organisation = await createOrganisation(t, {
        name: 'Tagcheck Allotment Society',
        areaIds: [area.id],
        themeIds: [term.id],
      });
      expect(names(await search({ query: 'quillwort tagsborough' }))).toEqual(['Tagcheck Allotment Society']);
      await t.db.query(`UPDATE taxonomy_terms SET name = 'Samphire growing' WHERE id = $1`, [term.id]);
      expect(names(await search({ query: 'quillwort' }))).toEqual([]);
      expect(names(await search({ query: 'samphire tagsborough' }))).toEqual(['Tagcheck Allotment Society']);
      await t.db.query('DELETE FROM organisation_areas WHERE organisation_id = $1', [organisation.id]);
      expect(names(await search({ query: 'samphire tagsborough' }))).toEqual([]);
    });
  });
});
