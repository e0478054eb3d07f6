import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  auditOf,
  countRows,
  createAdmin,
  createArea,
  createOrganisation,
  createPractitioner,
  createService,
  createTestApp,
  errorCode,
  errorFields,
  termId,
  type TestApp,
} from '@cohesion/testing';

const CREATE = `mutation Create($input: CreateServiceInput!) {
  createService(input: $input) {
    id name status version minimumAge maximumAge languages assuredDate lastModified
    organisation { name }
    costOptions { option amountPence }
    schedules { freq byday opensAt closesAt }
    locations { name address { postcode } location { latitude longitude } area { name } }
    contacts { title email }
    taxonomyTerms { code }
    serviceAreas { name }
  }
}`;
const UPDATE = `mutation Update($input: UpdateServiceInput!) { updateService(input: $input) { id name version status schedules { byday } } }`;
const LIST = `query List($filter: ServicesFilter) { services(filter: $filter, first: 100) { totalCount edges { node { name } } } }`;

describe('services', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  async function organisationWithAdmin() {
    const organisation = await createOrganisation(t, { name: 'Caldmore Women’s Circle' });
    const admin = await createPractitioner(t, { roles: [{ role: 'ORG_ADMIN', organisationId: organisation.id }] });
    return { organisation, admin };
  }

  describe('createService', () => {
    it('lets an organisation admin add a service shaped on Open Referral UK, and audits it', async () => {
      const { organisation, admin } = await organisationWithAdmin();
      const ward = await createArea(t, {
        kind: 'WARD',
        name: 'Palfrey',
        code: null,
        parentId: (await createArea(t, { name: 'Walsall' })).id,
      });
      const esol = await termId(t, 'service-types', 'esol-class');
      const result = await t.gql<{ createService: Record<string, unknown> & { id: string } }>(
        CREATE,
        {
          input: {
            organisationId: organisation.globalId,
            name: 'ESOL for women',
            description: 'Friendly English classes with a crèche.',
            minimumAge: 16,
            languages: ['en', 'ur', 'pa'],
            assuredDate: '2026-09-01',
            costOptions: [{ option: 'Free', amountPence: 0 }],
            schedules: [{ freq: 'WEEKLY', byday: 'TU,TH', opensAt: '10:00', closesAt: '12:00' }],
            locations: [
              {
                name: 'Caldmore Community Centre',
                address: { line1: '1 Caldmore Green', town: 'Walsall', postcode: 'ws1 3rq' },
                location: { latitude: 52.578, longitude: -1.989 },
                areaId: ward.globalId,
              },
            ],
            contacts: [{ title: 'Coordinator', email: 'Classes@Example.org' }],
            taxonomyTermIds: [esol.globalId],
            serviceAreaIds: [ward.globalId],
          },
        },
        admin.token,
      );
      expect(result.errors).toBeUndefined();
      expect(result.data.createService).toMatchObject({
        name: 'ESOL for women',
        status: 'ACTIVE',
        version: 1,
        minimumAge: 16,
        assuredDate: '2026-09-01',
        organisation: { name: 'Caldmore Women’s Circle' },
        costOptions: [{ option: 'Free', amountPence: 0 }],
        schedules: [{ freq: 'WEEKLY', byday: 'TU,TH', opensAt: '10:00', closesAt: '12:00' }],
        locations: [
          {
            name: 'Caldmore Community Centre',
            address: { postcode: 'WS1 3RQ' },
            location: { latitude: 52.578, longitude: -1.989 },
            area: { name: 'Palfrey' },
          },
        ],
        contacts: [{ title: 'Coordinator', email: 'classes@example.org' }],
        taxonomyTerms: [{ code: 'esol-class' }],
        serviceAreas: [{ name: 'Palfrey' }],
      });
      const uuid = Buffer.from(result.data.createService.id, 'base64url').toString().split(':')[1];
      const audit = await auditOf(t, uuid);
      expect(audit.map((row) => row.action)).toEqual(['create']);
      expect(audit[0].after).toMatchObject({ name: 'ESOL for women', schedules: [{ byday: 'TU,TH' }] });
    });

    it('refuses inconsistent nested input, naming the field, and writes nothing', async () => {
      const { organisation, admin } = await organisationWithAdmin();
      const before = await countRows(t, 'services');
      const cases: [Record<string, unknown>, string][] = [
        [{ schedules: [{ opensAt: '12:00', closesAt: '10:00' }] }, 'input.schedules[0].closesAt'],
        [{ schedules: [{ byday: 'MONDAY' }] }, 'input.schedules[0].byday'],
        [{ minimumAge: 18, maximumAge: 11 }, 'input.maximumAge'],
        [{ costOptions: [{ amountPence: -5 }] }, 'input.costOptions[0].amountPence'],
        [{ locations: [{ address: { postcode: 'W1' } }] }, 'input.locations[0].address.postcode'],
        [{ url: 'javascript:alert(1)' }, 'input.url'],
      ];
      for (const [extra, field] of cases) {
        const result = await t.gql(
          CREATE,
          { input: { organisationId: organisation.globalId, name: 'Broken', ...extra } },
          admin.token,
        );
        expect(errorCode(result)).toBe('BAD_USER_INPUT');
        expect(errorFields(result)).toEqual([field]);
      }
      expect(await countRows(t, 'services')).toBe(before);
      expect(await countRows(t, 'locations')).toBe(await countRows(t, 'service_locations'));
    });

    it('is refused to members who do not run the organisation, and to anonymous callers', async () => {
      const { organisation } = await organisationWithAdmin();
      const stranger = await createPractitioner(t);
      expect(
        errorCode(
          await t.gql(CREATE, { input: { organisationId: organisation.globalId, name: 'Nope' } }, stranger.token),
        ),
      ).toBe('FORBIDDEN');
      expect(errorCode(await t.gql(CREATE, { input: { organisationId: organisation.globalId, name: 'Nope' } }))).toBe(
        'UNAUTHENTICATED',
      );
      const admin = await createAdmin(t);
      expect(
        errorCode(
          await t.gql(
            CREATE,
            { input: { organisationId: organisation.globalId, name: 'Platform admin may' } },
            admin.token,
          ),
        ),
      ).toBeUndefined();
    });
  });

  describe('updateService', () => {
    it('replaces the parts it names, keeps the rest, bumps the version and audits', async () => {
      const { organisation, admin } = await organisationWithAdmin();
      const created = await t.gql<{ createService: { id: string } }>(
        CREATE,
        {
          input: {
            organisationId: organisation.globalId,
            name: 'Youth club',
            schedules: [{ freq: 'WEEKLY', byday: 'MO' }],
            costOptions: [{ amountPence: 100 }],
          },
        },
        admin.token,
      );
      const id = created.data.createService.id;
      const result = await t.gql<{
        updateService: { version: number; status: string; schedules: { byday: string }[] };
      }>(
        UPDATE,
        { input: { id, version: 1, status: 'TEMPORARILY_CLOSED', schedules: [{ freq: 'WEEKLY', byday: 'FR' }] } },
        admin.token,
      );
      expect(result.data.updateService).toMatchObject({
        version: 2,
        status: 'TEMPORARILY_CLOSED',
        schedules: [{ byday: 'FR' }],
      });
      const uuid = Buffer.from(id, 'base64url').toString().split(':')[1];
      const [cost] = await t.db.query('SELECT amount_pence FROM service_cost_options WHERE service_id = $1', [uuid]);
      expect(cost.amount_pence).toBe(100);
      const audit = await auditOf(t, uuid);
      expect(audit.map((row) => row.action)).toEqual(['create', 'update']);
      expect(audit[1]).toMatchObject({ before: { status: 'active' }, after: { status: 'temporarily closed' } });

      const stale = await t.gql(UPDATE, { input: { id, version: 1, name: 'Lost update' } }, admin.token);
      expect(errorCode(stale)).toBe('CONFLICT');
      const stranger = await createPractitioner(t);
      expect(errorCode(await t.gql(UPDATE, { input: { id, version: 2, name: 'Hijack' } }, stranger.token))).toBe(
        'FORBIDDEN',
      );
    });

    it('replacing the venues removes the old ones no other service uses', async () => {
      const { organisation, admin } = await organisationWithAdmin();
      const input = (name: string) => ({
        organisationId: organisation.globalId,
        name,
        locations: [{ name: 'Old hall', address: { postcode: 'WS1 1TP' } }],
      });
      const created = await t.gql<{ createService: { id: string } }>(
        CREATE,
        { input: input('Venue swap') },
        admin.token,
      );
      const id = created.data.createService.id;
      const venues = () => countRows(t, 'locations');
      const before = await venues();
      const moved = await t.gql(
        UPDATE,
        { input: { id, version: 1, locations: [{ name: 'New hall', address: { postcode: 'WS2 8EL' } }] } },
        admin.token,
      );
      expect(moved.errors).toBeUndefined();
      expect(await venues()).toBe(before);
      const [{ names }] = await t.db.query<{ names: string[] }[]>(
        'SELECT array_agg(name ORDER BY name) AS names FROM locations WHERE organisation_id = $1',
        [organisation.id],
      );
      expect(names).toEqual(['New hall']);
    });
  });

  describe('who sees what', () => {
    it('shows anonymous callers public services of verified, public organisations only', async () => {
      const open = await createOrganisation(t, { name: 'Open Org', verified: true });
      const unverified = await createOrganisation(t, { name: 'Unchecked Org', verified: false });
      await createService(t, { organisationId: open.id, name: 'Seen Public Service' });
      await createService(t, { organisationId: open.id, name: 'Seen Members Service', visibility: 'MEMBERS' });
      await createService(t, { organisationId: unverified.id, name: 'Seen Unverified Service' });
      const anonymous = await t.gql<{ services: { edges: { node: { name: string } }[]; totalCount: number } }>(LIST, {
        filter: { nameContains: 'Seen' },
      });
      expect(anonymous.data.services.edges.map((edge) => edge.node.name)).toEqual(['Seen Public Service']);
      expect(anonymous.data.services.totalCount).toBe(1);
      const member = await createPractitioner(t);
      const signedIn = await t.gql<{ services: { totalCount: number } }>(
        LIST,
        { filter: { nameContains: 'Seen' } },
        member.token,
      );
      expect(signedIn.data.services.totalCount).toBe(3);
    });
  });

  describe('filters', () => {
    it('by area through service areas or locations, including areas inside it; by term including narrower terms', async () => {
      const council = await createArea(t, { name: 'Dudley' });
      const ward = await createArea(t, { kind: 'WARD', name: 'St Thomas’s', code: null, parentId: council.id });
      const { organisation, admin } = await organisationWithAdmin();
      await createService(t, { organisationId: organisation.id, name: 'Area Filter Service Area', areaIds: [ward.id] });
      await t.gql(
        CREATE,
        {
          input: {
            organisationId: organisation.globalId,
            name: 'Area Filter Located',
            locations: [{ name: 'Hall', areaId: ward.globalId }],
          },
        },
        admin.token,
      );
      await createService(t, { organisationId: organisation.id, name: 'Area Filter Elsewhere' });
      const names = async (filter: Record<string, unknown>) =>
        (
          await t.gql<{ services: { edges: { node: { name: string } }[] } }>(LIST, {
            filter: { ...filter, nameContains: 'Area Filter' },
          })
        ).data.services.edges.map((edge) => edge.node.name);
      expect(await names({ areaIds: [council.globalId] })).toEqual(['Area Filter Located', 'Area Filter Service Area']);
      const befriending = await termId(t, 'service-types', 'befriending');
      await createService(t, {
        organisationId: organisation.id,
        name: 'Area Filter Befriending',
        termIds: [befriending.id],
      });
      expect(await names({ taxonomyTermIds: [befriending.globalId] })).toEqual(['Area Filter Befriending']);
      expect(await names({ statuses: ['INACTIVE'] })).toEqual([]);
    });
  });
});
