import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  createArea,
  createOrganisation,
  createPractitioner,
  createTestApp,
  errorCode,
  errorFields,
  termId,
  type TestApp,
} from '@cohesion/testing';

const PROFILE = `fragment Profile on Practitioner {
  id fullName jobTitle discoverable version introductionsMonthlyCap
  contact { email phone mobile website }
  contactVisibility { email phone mobile website }
  areas { name } expertise { code }
  memberships { role team current status startDate endDate organisation { name } }
}`;
const UPDATE = `mutation Update($input: UpdateMyProfileInput!) { updateMyProfile(input: $input) { ...Profile } } ${PROFILE}`;
const ONE = `query One($id: ID!) { practitioner(id: $id) { ...Profile } } ${PROFILE}`;
const LIST = `query List($filter: PractitionersFilter) { practitioners(filter: $filter, first: 100) { totalCount edges { node { fullName } } } }`;

type Profile = {
  fullName: string;
  version: number | null;
  discoverable: boolean | null;
  contact: { email: string | null; phone: string | null; mobile: string | null; website: string | null };
  contactVisibility: Record<string, string> | null;
  memberships: { role: string; current: boolean; status: string; organisation: { name: string } | null }[];
};

describe('practitioners', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  describe('updateMyProfile', () => {
    it('changes your own profile: details, contact visibility, areas, expertise and memberships', async () => {
      const me = await createPractitioner(t, { fullName: 'Priya Kaur' });
      const area = await createArea(t, { name: 'Sandwell' });
      const youth = await termId(t, 'cohesion-themes', 'youth');
      const organisation = await createOrganisation(t, { name: 'Sandwell Youth Partnership' });
      const result = await t.gql<{ updateMyProfile: Profile }>(
        UPDATE,
        {
          input: {
            version: 1,
            jobTitle: 'Youth cohesion lead',
            contact: { email: 'Priya.Kaur@Example.org', phone: '0121 496 0123', mobile: '07700 900123' },
            contactVisibility: { email: 'MEMBERS', phone: 'CONNECTIONS', mobile: 'HIDDEN' },
            areaIds: [area.globalId],
            expertiseIds: [youth.globalId],
            introductionsMonthlyCap: 3,
            memberships: [
              { organisationId: organisation.globalId, role: 'Coordinator', team: 'Youth', startDate: '2024-01-15' },
              {
                organisationId: organisation.globalId,
                role: 'Volunteer',
                startDate: '2019-01-01',
                endDate: '2020-12-31',
              },
            ],
          },
        },
        me.token,
      );
      expect(result.errors).toBeUndefined();
      expect(result.data.updateMyProfile).toMatchObject({
        jobTitle: 'Youth cohesion lead',
        version: 2,
        introductionsMonthlyCap: 3,
        contact: { email: 'priya.kaur@example.org', phone: '0121 496 0123', mobile: '07700 900123', website: null },
        contactVisibility: { email: 'MEMBERS', phone: 'CONNECTIONS', mobile: 'HIDDEN' },
        areas: [{ name: 'Sandwell' }],
        expertise: [{ code: 'youth' }],
        // Claims until the organisation confirms them: not current yet.
        memberships: [
          { role: 'Coordinator', current: false, organisation: { name: 'Sandwell Youth Partnership' } },
          { role: 'Volunteer', current: false, organisation: { name: 'Sandwell Youth Partnership' } },
        ],
      });
      expect(result.data.updateMyProfile.memberships.map((row) => row.status)).toEqual(['PENDING', 'PENDING']);
    });

    it('refuses a stale version and a membership that ends before it starts, writing nothing', async () => {
      const me = await createPractitioner(t, { fullName: 'Version Check' });
      const organisation = await createOrganisation(t);
      const stale = await t.gql(UPDATE, { input: { version: 7, jobTitle: 'Changed' } }, me.token);
      expect(errorCode(stale)).toBe('CONFLICT');
      const backwards = await t.gql(
        UPDATE,
        {
          input: {
            version: 1,
            jobTitle: 'Changed',
            memberships: [{ organisationId: organisation.globalId, startDate: '2025-05-01', endDate: '2024-01-01' }],
          },
        },
        me.token,
      );
      expect(errorCode(backwards)).toBe('BAD_USER_INPUT');
      expect(errorFields(backwards)).toEqual(['input.memberships[0].endDate']);
      const [row] = await t.db.query('SELECT job_title, version FROM practitioners WHERE id = $1', [me.id]);
      expect(row).toEqual({ job_title: null, version: 1 });
    });

    it('refuses bad contact details, naming the nested field', async () => {
      const me = await createPractitioner(t);
      const result = await t.gql(
        UPDATE,
        { input: { version: 1, contact: { email: 'nope', website: 'ftp://x' } } },
        me.token,
      );
      expect(errorFields(result).sort()).toEqual(['input.contact.email', 'input.contact.website']);
    });

    it('needs a signed-in member', async () => {
      expect(errorCode(await t.gql(UPDATE, { input: { version: 1, jobTitle: 'x' } }))).toBe('UNAUTHENTICATED');
    });
  });

  describe('contact details follow their visibility', () => {
    it('shows the owner everything, another member only PUBLIC and MEMBERS details, never the settings', async () => {
      const owner = await createPractitioner(t, {
        fullName: 'Contact Owner',
        contactEmail: 'owner@example.org',
        contactEmailVisibility: 'MEMBERS',
        contactPhone: '0121 496 0001',
        contactPhoneVisibility: 'CONNECTIONS',
        contactMobile: '07700 900001',
        contactMobileVisibility: 'HIDDEN',
        website: 'https://example.org/owner',
        websiteVisibility: 'PUBLIC',
      });
      const other = await createPractitioner(t);
      const own = await t.gql<{ practitioner: Profile }>(ONE, { id: owner.globalId }, owner.token);
      expect(own.data.practitioner.contact).toEqual({
        email: 'owner@example.org',
        phone: '0121 496 0001',
        mobile: '07700 900001',
        website: 'https://example.org/owner',
      });
      const seen = await t.gql<{ practitioner: Profile }>(ONE, { id: owner.globalId }, other.token);
      expect(seen.errors).toBeUndefined();
      expect(seen.data.practitioner.contact).toEqual({
        email: 'owner@example.org',
        phone: null,
        mobile: null,
        website: 'https://example.org/owner',
      });
      expect(seen.data.practitioner).toMatchObject({ contactVisibility: null, version: null, discoverable: null });
    });
  });

  describe('discoverability', () => {
    it('keeps a non-discoverable profile out of lists and by-id lookups, except for its owner', async () => {
      const hidden = await createPractitioner(t, { fullName: 'Hidden Discoverability Person', discoverable: false });
      await createPractitioner(t, { fullName: 'Shown Discoverability Person' });
      const other = await createPractitioner(t);
      const list = await t.gql<{ practitioners: { edges: { node: { fullName: string } }[]; totalCount: number } }>(
        LIST,
        { filter: { nameContains: 'Discoverability Person' } },
        other.token,
      );
      expect(list.data.practitioners.edges.map((edge) => edge.node.fullName)).toEqual(['Shown Discoverability Person']);
      expect(list.data.practitioners.totalCount).toBe(1);
      expect(errorCode(await t.gql(ONE, { id: hidden.globalId }, other.token))).toBe('NOT_FOUND');
      expect(
        (await t.gql<{ practitioner: Profile }>(ONE, { id: hidden.globalId }, hidden.token)).data.practitioner.fullName,
      ).toBe('Hidden Discoverability Person');
      const node = await t.gql<{ node: unknown }>(
        `query N($id: ID!) { node(id: $id) { id } }`,
        { id: hidden.globalId },
        other.token,
      );
      expect(node.data.node).toBeNull();
    });

    it('shows anonymous callers no practitioners at all', async () => {
      const someone = await createPractitioner(t);
      expect(errorCode(await t.gql(LIST, {}))).toBe('UNAUTHENTICATED');
      expect(errorCode(await t.gql(ONE, { id: someone.globalId }))).toBe('UNAUTHENTICATED');
      const node = await t.gql<{ node: unknown }>(`query N($id: ID!) { node(id: $id) { id } }`, {
        id: someone.globalId,
      });
      expect(node.data.node).toBeNull();
      const people = await t.gql<{ organisations: { edges: { node: { practitioners: unknown } }[] } }>(
        `{ organisations(first: 5) { edges { node { practitioners(first: 5) { totalCount } } } } }`,
      );
      for (const edge of people.data.organisations.edges) expect(edge.node.practitioners).toBeNull();
    });
  });

  describe('filters', () => {
    it('by organisation (current memberships only), area and expertise', async () => {
      const organisation = await createOrganisation(t, { name: 'Filter Works Here' });
      const area = await createArea(t);
      const theme = await termId(t, 'cohesion-themes', 'inter-faith');
      await createPractitioner(t, {
        fullName: 'Filter Current Worker',
        memberships: [{ organisationId: organisation.id, startDate: '2020-01-01' }],
      });
      await createPractitioner(t, {
        fullName: 'Filter Former Worker',
        memberships: [{ organisationId: organisation.id, startDate: '2010-01-01', endDate: '2012-01-01' }],
        areaIds: [area.id],
        themeIds: [theme.id],
      });
      const viewer = await createPractitioner(t);
      const names = async (filter: Record<string, unknown>) =>
        (
          await t.gql<{ practitioners: { edges: { node: { fullName: string } }[] } }>(
            LIST,
            { filter: { ...filter, nameContains: 'Filter' } },
            viewer.token,
          )
        ).data.practitioners.edges.map((edge) => edge.node.fullName);
      expect(await names({ organisationId: organisation.globalId })).toEqual(['Filter Current Worker']);
      expect(await names({ areaIds: [area.globalId] })).toEqual(['Filter Former Worker']);
      expect(await names({ themeIds: [theme.globalId] })).toEqual(['Filter Former Worker']);
      const staff = await t.gql<{
        organisation: { practitioners: { totalCount: number; edges: { node: { fullName: string } }[] } };
      }>(
        `query O($id: ID!) { organisation(id: $id) { practitioners(first: 10) { totalCount edges { node { fullName } } } } }`,
        { id: organisation.globalId },
        viewer.token,
      );
      expect(staff.data.organisation.practitioners.edges.map((edge) => edge.node.fullName)).toEqual([
        'Filter Current Worker',
      ]);
    });
  });
});
