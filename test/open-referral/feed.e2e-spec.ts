import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { orukProblems, type OrukSchemaName } from '@cohesion/open-referral';
import {
  addLocation,
  createArea,
  createOrganisation,
  createPractitioner,
  createService,
  createTerm,
  createTestApp,
  fullServiceInput,
  termId,
  type Created,
  type TestApp,
  type TestPractitioner,
} from '@cohesion/testing';

const BASE = '/openreferral/v3';

const CREATE = `mutation Create($input: CreateServiceInput!) { createService(input: $input) { id } }`;
const UPDATE_SERVICE = `mutation Update($input: UpdateServiceInput!) { updateService(input: $input) { id version } }`;
const UPDATE_ORGANISATION = `mutation Update($input: UpdateOrganisationInput!) { updateOrganisation(input: $input) { id } }`;

type Body = Record<string, unknown> & { contents?: Body[] };

const uuidOf = (globalId: string) => Buffer.from(globalId, 'base64url').toString().split(':')[1];

describe('the Open Referral UK 3.0 feed', () => {
  let t: TestApp;
  let admin: TestPractitioner;
  let member: TestPractitioner;
  let circle: Created;
  let other: Created;
  let walsall: Created;
  let palfrey: Created;
  let youthWork: Created;
  /** Published services, by name. */
  const published = new Map<string, string>();
  /** Services that must never appear: inactive, members-only, of an unverified or members-only organisation. */
  const hidden: string[] = [];

  async function get(path: string, query: Record<string, string | number | boolean> = {}) {
    const response = await t.http().get(`${BASE}${path}`).query(query);
    return response;
  }

  async function valid(path: string, schema: OrukSchemaName, query: Record<string, string | number | boolean> = {}) {
    const response = await get(path, query);
    expect({ path, query, status: response.status }).toEqual({ path, query, status: 200 });
    expect(response.headers['access-control-allow-origin']).toBe('*');
    expect({ path, query, problems: orukProblems(schema, response.body) }).toEqual({ path, query, problems: [] });
    return response.body as Body;
  }

  /** Every page of a list, each validated; the items in order. */
  async function allPages(path: string, schema: OrukSchemaName, query: Record<string, string | number | boolean> = {}) {
    const items: Body[] = [];
    const first = await valid(path, schema, { ...query, page: 1 });
    const pages = first.total_pages as number;
    items.push(...(first.contents ?? []));
    for (let page = 2; page <= pages; page++) {
      items.push(...((await valid(path, schema, { ...query, page })).contents ?? []));
    }
    expect(items).toHaveLength(first.total_items as number);
    return items;
  }

  async function addService(input: Record<string, unknown>): Promise<string> {
    const result = await t.gql<{ createService: { id: string } }>(
      CREATE,
      { input: { organisationId: circle.globalId, ...input } },
      admin.token,
    );
    expect(result.errors).toBeUndefined();
    return uuidOf(result.data.createService.id);
  }

  beforeAll(async () => {
    t = await createTestApp({ ORUK_RATE_LIMIT: '100000' });
    walsall = await createArea(t, { name: 'Walsall', code: 'E08000030' });
    palfrey = await createArea(t, { kind: 'WARD', name: 'Palfrey', code: 'E05001334', parentId: walsall.id });
    circle = await createOrganisation(t, {
      name: 'Caldmore Women’s Circle',
      description: 'A women’s group in Caldmore.',
      website: 'https://caldmore-circle.example.org',
      email: 'hello@caldmore-circle.example.org',
      identifiers: ['GB-CHC-1234567'],
    });
    other = await createOrganisation(t, { name: 'Bloxwich Boxing Club' });
    admin = await createPractitioner(t, {
      fullName: 'Samina Akhtar',
      email: 'samina.akhtar@private.example.org',
      roles: [{ role: 'ORG_ADMIN', organisationId: circle.id }],
    });
    member = await createPractitioner(t, {
      fullName: 'Private Person',
      email: 'private.person@private.example.org',
      memberships: [{ organisationId: circle.id, role: 'Volunteer' }],
    });
    youthWork = await createTerm(t, 'cohesion-themes', {
      code: 'youth-clubs',
      name: 'Youth clubs',
      parentId: (await termId(t, 'cohesion-themes', 'youth')).id,
    });
    const esol = await termId(t, 'service-types', 'esol-class');
    const dropIn = await termId(t, 'service-types', 'drop-in');

    published.set(
      'ESOL for women',
      await addService(
        fullServiceInput({
          termIds: [esol.globalId],
          serviceAreaIds: [palfrey.globalId, walsall.globalId],
          venueAreaId: palfrey.globalId,
        }),
      ),
    );
    published.set(
      'Friday youth club',
      await addService({
        name: 'Friday youth club',
        minimumAge: 11,
        maximumAge: 18,
        schedules: [{ freq: 'WEEKLY', byday: 'FR', opensAt: '18:00', closesAt: '20:30' }],
        locations: [
          {
            name: 'Bloxwich Library',
            address: { line1: 'Elmore Row', town: 'Walsall', postcode: 'WS3 2HR' },
            location: { latitude: 52.6183, longitude: -2.0046 },
          },
        ],
        taxonomyTermIds: [youthWork.globalId, dropIn.globalId],
      }),
    );
    published.set(
      'Coffee morning',
      await addService({
        name: 'Coffee morning',
        description: 'Tea, coffee and a chat.',
        schedules: [{ freq: 'MONTHLY', byday: '2SA', opensAt: '09:30', closesAt: '11:30' }],
        locations: [
          {
            name: 'Birmingham venue',
            address: { town: 'Birmingham', postcode: 'B1 1BB' },
            location: { latitude: 52.4796, longitude: -1.9026 },
          },
        ],
        taxonomyTermIds: [dropIn.globalId],
      }),
    );
    for (const name of ['Advice surgery', 'Befriending calls', 'Digital skills', 'Sewing circle']) {
      published.set(name, await addService({ name, maximumAge: name === 'Befriending calls' ? undefined : 99 }));
    }
    published.set('Boxing for all', (await createService(t, { organisationId: other.id, name: 'Boxing for all' })).id);

    hidden.push(await addService({ name: 'Closed group', status: 'INACTIVE' }));
    hidden.push(await addService({ name: 'Members-only briefing', visibility: 'MEMBERS' }));
    const unverified = await createOrganisation(t, { name: 'Unverified Group', verified: false });
    hidden.push((await createService(t, { organisationId: unverified.id, name: 'Unverified service' })).id);
    const privateListing = await createOrganisation(t, { name: 'Members Listing Group', visibility: 'MEMBERS' });
    hidden.push((await createService(t, { organisationId: privateListing.id, name: 'Private listing service' })).id);
    // Each hidden service meets at a venue in Caldmore, where a leak would show first.
    for (const id of hidden) {
      await addLocation(t, id, { name: 'Hidden venue', postcode: 'WS1 3RQ', latitude: 52.5796, longitude: -1.9904 });
    }
  });

  afterAll(async () => {
    await t.close();
  });

  const byName = (names: string[]) => [...names].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase()));

  describe('GET /', () => {
    it('answers the ORUK 3.0 version, profile and its OpenAPI document', async () => {
      const details = await valid('', 'api_details');
      expect(details.version).toBe('HSDS-UK-3.0');
      const openapi = await t.http().get(new URL(details.openapi_url as string).pathname);
      expect(openapi.status).toBe(200);
      expect(openapi.body.info.version).toBe('HSDS-UK-3.0');
    });
  });

  describe('GET /services', () => {
    it('pages through exactly the published services, every page valid (first, middle, last)', async () => {
      const first = await valid('/services', 'service_list', { per_page: 3 });
      expect(first).toMatchObject({
        total_items: published.size,
        total_pages: 3,
        page_number: 1,
        size: 3,
        first_page: true,
        last_page: false,
        empty: false,
      });
      const middle = await valid('/services', 'service_list', { per_page: 3, page: 2 });
      expect(middle).toMatchObject({ page_number: 2, size: 3, first_page: false, last_page: false });
      const last = await valid('/services', 'service_list', { per_page: 3, page: 3 });
      expect(last).toMatchObject({ page_number: 3, size: 2, first_page: false, last_page: true, empty: false });
      const names = [first, middle, last].flatMap((page) => page.contents!.map((item) => item.name as string));
      expect(names).toEqual(byName([...published.keys()]));
      const beyond = await valid('/services', 'service_list', { per_page: 3, page: 4 });
      expect(beyond).toMatchObject({ size: 0, empty: true, last_page: true, contents: [] });
    });

    it('lists one-to-one fields and the organisation; full=true nests every part; minimal=true gives ids and changes', async () => {
      const [item] = (await valid('/services', 'service_list', { search: 'crèche' })).contents!;
      expect(item).toMatchObject({
        id: published.get('ESOL for women'),
        organization_id: circle.id,
        status: 'active',
        minimum_age: 16,
        organization: { id: circle.id, name: 'Caldmore Women’s Circle' },
      });
      expect(item).not.toHaveProperty('schedules');
      const full = await allPages('/services', 'service_list', { full: true, per_page: 4 });
      expect(full.find((service) => service.name === 'ESOL for women')).toHaveProperty('schedules');
      const minimal = await valid('/services', 'service_list', { minimal: true });
      expect(minimal.total_pages).toBe(1);
      expect(minimal.contents!.map((service) => Object.keys(service).sort())).toEqual(
        [...published.keys()].map(() => ['id', 'last_modified', 'name', 'status']),
      );
    });

    it('streams every service as ndjson, one per line, fully nested with full=true', async () => {
      const response = await t.http().get(`${BASE}/services`).query({ format: 'ndjson', full: true }).buffer(true);
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toMatch(/^application\/x-ndjson/);
      expect(response.headers['access-control-allow-origin']).toBe('*');
      const lines = response.text
        .trimEnd()
        .split('\n')
        .map((line) => JSON.parse(line) as Body);
      expect(lines.map((service) => service.name)).toEqual(byName([...published.keys()]));
      for (const service of lines) expect(orukProblems('service', service)).toEqual([]);
      expect(lines.find((service) => service.name === 'ESOL for women')).toHaveProperty('service_at_locations');
      const filtered = await t
        .http()
        .get(`${BASE}/services`)
        .query({ format: 'ndjson', organization_id: other.id })
        .buffer(true);
      expect(
        filtered.text
          .trimEnd()
          .split('\n')
          .map((line) => (JSON.parse(line) as Body).name),
      ).toEqual(['Boxing for all']);
    });

    it('gives every service fully nested at /services/{id}, valid, with its parts in ORUK terms', async () => {
      for (const id of published.values()) await valid(`/services/${id}`, 'service');
      const esol = await valid(`/services/${published.get('ESOL for women')}`, 'service');
      expect(esol).toMatchObject({
        name: 'ESOL for women',
        url: 'https://caldmore-circle.example.org/esol',
        fees: 'Free; a small charge for trips.',
        assured_date: '2026-09-01',
        organization: {
          website: 'https://caldmore-circle.example.org',
          organization_identifiers: [{ identifier_scheme: 'GB-CHC', identifier: '1234567' }],
        },
        schedules: [{ freq: 'WEEKLY', interval: 1, byday: 'TU,TH', opens_at: '10:00:00', closes_at: '12:00:00' }],
        languages: [
          { code: 'en', name: 'English' },
          { code: 'ur', name: 'Urdu' },
          { code: 'pa', name: 'Punjabi' },
        ],
        cost_options: expect.arrayContaining([
          expect.objectContaining({ option: 'Trips', amount: 3.5, valid_to: '2027-07-31' }),
        ]),
        contacts: [{ title: 'Coordinator', phones: [{ number: '01922 000000' }] }],
        attributes: [{ link_type: 'service', taxonomy_term: { term: 'esol-class', taxonomy: 'Service types' } }],
        service_areas: expect.arrayContaining([
          expect.objectContaining({
            name: 'Walsall',
            uri: 'http://statistics.data.gov.uk/id/statistical-geography/E08000030',
          }),
        ]),
      });
      const places = esol.service_at_locations as Body[];
      expect(places).toHaveLength(2);
      expect(places.map((place) => place.location)).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            name: 'Caldmore Community Centre',
            latitude: 52.5795,
            addresses: [
              expect.objectContaining({
                address_1: '1 Caldmore Green',
                city: 'Walsall',
                postal_code: 'WS1 3RQ',
                state_province: 'Walsall',
                country: 'GB',
              }),
            ],
          }),
          { id: expect.any(String), location_type: 'virtual', name: 'Online classroom' },
        ]),
      );
      // Stable: the same ids on every request.
      expect(await valid(`/services/${published.get('ESOL for women')}`, 'service')).toEqual(esol);
    });

    it('never shows inactive or members-only services, nor those of unverified or members-only organisations', async () => {
      const listed = (await allPages('/services', 'service_list')).map((service) => service.id);
      for (const id of hidden) {
        expect(listed).not.toContain(id);
        expect((await get(`/services/${id}`)).status).toBe(404);
      }
      expect((await get('/services/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    });

    it('says nothing about the people behind the services', async () => {
      const everything = JSON.stringify([
        await allPages('/services', 'service_list', { full: true }),
        await allPages('/organizations', 'organization_list', { full_service: true }),
        await allPages('/service_at_locations', 'service_at_location_list', { full: true }),
      ]);
      for (const person of [admin, member]) expect(everything).not.toContain(person.email);
      expect(everything).not.toContain('Samina');
      expect(everything).not.toContain('Private Person');
    });

    it('filters by text, taxonomy term (with narrower terms), taxonomy, organisation, ages and opening times, combined with AND', async () => {
      const names = async (query: Record<string, string | number | boolean>) =>
        (await allPages('/services', 'service_list', query)).map((service) => service.name);
      expect(await names({ search: 'english classes' })).toEqual(['ESOL for women']);
      const youth = await termId(t, 'cohesion-themes', 'youth');
      expect(await names({ taxonomy_term_id: youth.id })).toEqual(['Friday youth club']);
      const [{ id: serviceTypes }] = await t.db.query<{ id: string }[]>(
        "SELECT id FROM taxonomies WHERE code = 'service-types'",
      );
      expect(await names({ taxonomy_id: serviceTypes })).toEqual([
        'Coffee morning',
        'ESOL for women',
        'Friday youth club',
      ]);
      expect(await names({ organization_id: other.id })).toEqual(['Boxing for all']);
      expect(await names({ minimum_age: 19, maximum_age: 25 })).not.toContain('Friday youth club');
      expect(await names({ maximum_age: 12 })).not.toContain('ESOL for women');
      expect(await names({ minimum_age: 12, maximum_age: 12, organization_id: circle.id })).toEqual(
        byName([
          'Befriending calls',
          'Coffee morning',
          'Friday youth club',
          'Advice surgery',
          'Digital skills',
          'Sewing circle',
        ]),
      );
      expect(await names({ day: 'TU' })).toEqual(['ESOL for women']);
      expect(await names({ day: 'saturday' })).toEqual(['Coffee morning']);
      expect(await names({ start_time: '17:00' })).toEqual(['Friday youth club']);
      expect(await names({ day: 'FR', end_time: '18:00' })).toEqual([]);
      expect(await names({ day: 'TH', start_time: '11:00', end_time: '11:30', search: 'crèche' })).toEqual([
        'ESOL for women',
      ]);
    });

    it('answers modified_after from the audit trail: a changed service, and every service of a changed organisation', async () => {
      const [{ now }] = await t.db.query<{ now: Date }[]>('SELECT now() AS now');
      const since = new Date(now).toISOString();
      expect((await valid('/services', 'service_list', { modified_after: since })).total_items).toBe(0);

      const id = published.get('Digital skills')!;
      const [{ version }] = await t.db.query<{ version: number }[]>('SELECT version FROM services WHERE id = $1', [id]);
      const changed = await t.gql(
        UPDATE_SERVICE,
        {
          input: { id: Buffer.from(`Service:${id}`).toString('base64url'), version, description: 'Now on Wednesdays.' },
        },
        admin.token,
      );
      expect(changed.errors).toBeUndefined();
      const page = await valid('/services', 'service_list', { modified_after: since });
      expect(page.contents!.map((service) => service.name)).toEqual(['Digital skills']);
      expect(new Date(page.contents![0].last_modified as string).getTime()).toBeGreaterThanOrEqual(
        new Date(since).getTime(),
      );

      const [{ version: organisationVersion }] = await t.db.query<{ version: number }[]>(
        'SELECT version FROM organisations WHERE id = $1',
        [other.id],
      );
      const staff = await createPractitioner(t, { roles: [{ role: 'ORG_ADMIN', organisationId: other.id }] });
      const renamed = await t.gql(
        UPDATE_ORGANISATION,
        { input: { id: other.globalId, version: organisationVersion, description: 'Boxing for everyone.' } },
        staff.token,
      );
      expect(renamed.errors).toBeUndefined();
      const after = await valid('/services', 'service_list', { modified_after: since });
      expect(after.contents!.map((service) => service.name)).toEqual(['Boxing for all', 'Digital skills']);
      expect((await valid('/services', 'service_list', { modified_after: '2999-01-01' })).empty).toBe(true);
    });
  });

  describe('taxonomies and terms', () => {
    it('lists the vocabularies and each with its terms', async () => {
      const taxonomies = await allPages('/taxonomies', 'taxonomy_list', { per_page: 1 });
      expect(taxonomies.map((taxonomy) => taxonomy.name)).toEqual(['Cohesion themes', 'Service types']);
      for (const taxonomy of taxonomies) {
        const full = await valid(`/taxonomies/${taxonomy.id as string}`, 'taxonomy');
        expect((full.taxonomy_terms as Body[]).length).toBeGreaterThan(10);
      }
    });

    it('pages through every term (first, middle, last page), each also valid on its own', async () => {
      const terms = await allPages('/taxonomy_terms', 'taxonomy_term_list', { per_page: 10 });
      const [{ count }] = await t.db.query<{ count: number }[]>('SELECT count(*)::int AS count FROM taxonomy_terms');
      expect(terms).toHaveLength(count);
      for (const item of terms) await valid(`/taxonomy_terms/${item.id as string}`, 'taxonomy_term');
    });

    it('filters terms by taxonomy, top level only, and parent', async () => {
      const youth = await termId(t, 'cohesion-themes', 'youth');
      const children = await allPages('/taxonomy_terms', 'taxonomy_term_list', { parent_id: youth.id });
      expect(children.map((term) => term.name)).toEqual(['Youth clubs']);
      expect(children[0]).toMatchObject({ parent_id: youth.id, term: 'youth-clubs', taxonomy: 'Cohesion themes' });
      const top = await allPages('/taxonomy_terms', 'taxonomy_term_list', {
        top_only: true,
        taxonomy_id: children[0].taxonomy_id as string,
      });
      expect(top.map((term) => term.name)).toContain('Youth');
      expect(top.map((term) => term.name)).not.toContain('Youth clubs');
      expect(top.every((term) => term.taxonomy_id === children[0].taxonomy_id)).toBe(true);
    });
  });

  describe('organizations', () => {
    it('lists publishable organisations, each valid with its identifiers and published services', async () => {
      const organisations = await allPages('/organizations', 'organization_list', { per_page: 1 });
      expect(organisations.map((organisation) => organisation.name)).toEqual([
        'Bloxwich Boxing Club',
        'Caldmore Women’s Circle',
      ]);
      for (const organisation of organisations)
        await valid(`/organizations/${organisation.id as string}`, 'organization');
      const circleBody = await valid(`/organizations/${circle.id}`, 'organization', { full_service: true });
      expect(circleBody.organization_identifiers).toEqual([
        expect.objectContaining({ identifier_scheme: 'GB-CHC', identifier_type: 'Charity number (England and Wales)' }),
      ]);
      const services = circleBody.services as Body[];
      expect(services.map((service) => service.name)).toEqual(
        byName([...published.keys()].filter((name) => name !== 'Boxing for all')),
      );
      expect(services.find((service) => service.name === 'ESOL for women')).toHaveProperty('schedules');
      for (const service of services) expect(orukProblems('service', service)).toEqual([]);
    });

    it('does not show an organisation that is unverified or listed for members only', async () => {
      const [{ id }] = await t.db.query<{ id: string }[]>(
        "SELECT id FROM organisations WHERE name = 'Unverified Group'",
      );
      expect((await get(`/organizations/${id}`)).status).toBe(404);
    });
  });

  describe('service_at_locations', () => {
    it('pages through every service at a location, each valid on its own', async () => {
      const places = await allPages('/service_at_locations', 'service_at_location_list', { per_page: 2 });
      expect(places).toHaveLength(4);
      for (const place of places) {
        const full = await valid(`/service_at_locations/${place.id as string}`, 'service_at_location');
        expect(orukProblems('service', full.service)).toEqual([]);
      }
    });

    it('never shows the places of services the feed does not publish', async () => {
      const hiddenPlaces = await t.db.query<{ id: string }[]>(
        'SELECT id FROM service_locations WHERE service_id = ANY($1::uuid[])',
        [hidden],
      );
      expect(hiddenPlaces).toHaveLength(hidden.length);
      const listed = (await allPages('/service_at_locations', 'service_at_location_list')).map((place) => place.id);
      for (const { id } of hiddenPlaces) {
        expect(listed).not.toContain(id);
        expect((await get(`/service_at_locations/${id}`)).status).toBe(404);
      }
    });

    it('finds the nearest first from a postcode, within the proximity in metres', async () => {
      const near = await allPages('/service_at_locations', 'service_at_location_list', {
        postcode: 'WS1 3RQ',
        proximity: 10_000,
      });
      expect(near.map((place) => (place.location as Body).name)).toEqual([
        'Caldmore Community Centre',
        'Bloxwich Library',
      ]);
      const all = await allPages('/service_at_locations', 'service_at_location_list', { postcode: 'B1 1BB' });
      expect((all[0].location as Body).name).toBe('Birmingham venue');
      expect((all[3].location as Body).name).toBe('Online classroom');
      const onePerPage = await allPages('/service_at_locations', 'service_at_location_list', {
        postcode: 'B1 1BB',
        per_page: 1,
      });
      expect(onePerPage.map((place) => place.id)).toEqual(all.map((place) => place.id));
    });
  });

  describe('bad requests', () => {
    const cases: [string, Record<string, string>, string][] = [
      ['/services', { page: '0' }, 'page'],
      ['/services', { page: 'two' }, 'page'],
      ['/services', { per_page: '501' }, 'per_page'],
      ['/services', { per_page: '-1' }, 'per_page'],
      ['/services', { taxonomy_term_id: 'youth' }, 'taxonomy_term_id'],
      ['/services', { organization_id: "1' OR '1'='1" }, 'organization_id'],
      ['/services', { modified_after: 'yesterday' }, 'modified_after'],
      ['/services', { modified_after: '2026-13-01' }, 'modified_after'],
      ['/services', { minimal: 'yes' }, 'minimal'],
      ['/services', { minimum_age: '200' }, 'minimum_age'],
      ['/services', { minimum_age: '30', maximum_age: '20' }, 'maximum_age'],
      ['/services', { day: 'Funday' }, 'day'],
      ['/services', { start_time: '25:00' }, 'start_time'],
      ['/services', { start_time: '12:00', end_time: '09:00' }, 'end_time'],
      ['/services', { organisation_id: circle?.id ?? 'x' }, 'organisation_id'],
      ['/services', { format: 'xml' }, 'format'],
      ['/services', { format: 'ndjson', page: '2' }, 'page'],
      ['/taxonomies', { format: 'ndjson' }, 'format'],
      ['/services', { search: 'x'.repeat(201) }, 'search'],
      ['/taxonomy_terms', { top_only: '1' }, 'top_only'],
      ['/taxonomy_terms', { parent_id: 'root' }, 'parent_id'],
      ['/service_at_locations', { proximity: '1000' }, 'proximity'],
      ['/service_at_locations', { postcode: 'NOT A CODE' }, 'postcode'],
      ['/service_at_locations', { postcode: 'WS1 3RQ', proximity: 'far' }, 'proximity'],
      ['/organizations', { full: 'maybe' }, 'full'],
      ['/services/not-a-uuid', {}, 'id'],
      ['/taxonomies/1', {}, 'id'],
      ['/services/' + '00000000-0000-4000-8000-000000000000', { full: 'true' }, 'full'],
    ];

    it.each(cases)('%s %j is a 400 naming %s', async (path, query, field) => {
      const response = await get(path, query);
      expect(response.status).toBe(400);
      expect(response.headers['access-control-allow-origin']).toBe('*');
      expect(response.body.errors[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [expect.objectContaining({ field })],
      });
    });

    it('a parameter given twice is a 400', async () => {
      const response = await t.http().get(`${BASE}/services?page=1&page=2`);
      expect(response.status).toBe(400);
      expect(response.body.errors[0].extensions.fields[0].field).toBe('page');
    });

    it('never answers 500, whatever the parameters hold', async () => {
      const odd = [
        '',
        ' ',
        '0',
        '-1',
        '1e9',
        '99999999999',
        'null',
        'true',
        '%00',
        "'; DROP TABLE services; --",
        '\u0000',
        'ü'.repeat(50),
        '2026-02-30',
        '00000000-0000-0000-0000-000000000000',
      ];
      const parameters = [
        'search',
        'page',
        'per_page',
        'taxonomy_term_id',
        'taxonomy_id',
        'organization_id',
        'modified_after',
        'minimal',
        'full',
        'minimum_age',
        'maximum_age',
        'day',
        'start_time',
        'end_time',
      ];
      const answers: string[] = [];
      for (const parameter of parameters) {
        for (const value of odd) {
          const response = await get('/services', { [parameter]: value });
          answers.push(`services ${parameter}=${JSON.stringify(value)}: ${response.status}`);
        }
      }
      for (const value of odd) {
        for (const path of [
          '/service_at_locations?postcode=',
          '/taxonomy_terms?parent_id=',
          '/organizations?search=',
        ]) {
          const response = await t.http().get(`${BASE}${path}${encodeURIComponent(value)}`);
          answers.push(`${path}${JSON.stringify(value)}: ${response.status}`);
        }
      }
      expect(answers.filter((answer) => !/: (200|400)$/.test(answer))).toEqual([]);
    });
  });

  describe('cost', () => {
    it('a fully nested page costs the same number of statements whatever its size', async () => {
      t.resetStatements();
      await valid('/services', 'service_list', { full: true, per_page: 2 });
      const small = t.statements();
      t.resetStatements();
      await valid('/services', 'service_list', { full: true, per_page: 8 });
      expect(t.statements()).toBe(small);
    });
  });

  describe('browsers', () => {
    it('answers a CORS preflight for any origin', async () => {
      const response = await t
        .http()
        .options(`${BASE}/services`)
        .set('origin', 'https://another-council.example.gov.uk')
        .set('access-control-request-method', 'GET');
      expect(response.status).toBe(204);
      expect(response.headers['access-control-allow-origin']).toBe('*');
      expect(response.headers['access-control-allow-methods']).toContain('GET');
    });
  });
});

describe('the feed’s rate limit, and CORS beside the API’s own allowed origins', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({
      ORUK_RATE_LIMIT: '3',
      ORUK_RATE_LIMIT_WINDOW_SECONDS: '60',
      CORS_ORIGINS: 'https://app.cohesion.example.org',
    });
  });

  it('lets any origin read the feed while the API keeps to its allowed origins', async () => {
    const preflight = (path: string) =>
      t
        .http()
        .options(path)
        .set('origin', 'https://another-council.example.gov.uk')
        .set('access-control-request-method', 'GET');
    expect((await preflight(`${BASE}/services`)).headers['access-control-allow-origin']).toBe('*');
    expect((await preflight('/graphql')).headers['access-control-allow-origin']).toBeUndefined();
  });
  afterAll(async () => {
    await t.close();
  });

  it('refuses a client over its allowance with 429 and when to come back, readable from any origin', async () => {
    for (let i = 0; i < 3; i++) expect((await t.http().get(`${BASE}/services`)).status).toBe(200);
    const refused = await t.http().get(`${BASE}/taxonomies`);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused.headers['access-control-allow-origin']).toBe('*');
    expect(refused.body.errors[0].extensions).toEqual({
      code: 'TOO_MANY_REQUESTS',
      retryAfterSeconds: Number(refused.headers['retry-after']),
    });
  });
});
