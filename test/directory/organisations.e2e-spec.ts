import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { toGlobalId } from '@cohesion/common';
import {
  auditOf,
  countRows,
  createAdmin,
  createArea,
  createOrganisation,
  createPractitioner,
  createTestApp,
  errorCode,
  errorFields,
  termId,
  type TestApp,
} from '@cohesion/testing';

const CREATE = `mutation Create($input: CreateOrganisationInput!) {
  createOrganisation(input: $input) {
    id name kind verified version identifiers languages faithTradition visibility viewerCanManage
    address { line1 town postcode } location { latitude longitude }
    areas { name } themes { code }
  }
}`;
const UPDATE = `mutation Update($input: UpdateOrganisationInput!) {
  updateOrganisation(input: $input) { id name version verified identifiers description }
}`;
const LIST = `query List($filter: OrganisationsFilter, $first: Int, $after: String) {
  organisations(filter: $filter, first: $first, after: $after) {
    totalCount edges { cursor node { id name } } pageInfo { hasNextPage endCursor }
  }
}`;
const ONE = `query One($id: ID!) { organisation(id: $id) { id name verified } }`;

type OrganisationResult = { id: string; name: string; version: number; verified: boolean; identifiers: string[] };

describe('organisations', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  describe('createOrganisation', () => {
    it('lists a new organisation, unverified, with the creator as its admin, and audits it', async () => {
      const member = await createPractitioner(t);
      const walsall = await createArea(t, { name: 'Walsall', code: 'E08000030' });
      const hateCrime = await termId(t, 'cohesion-themes', 'hate-crime');
      const result = await t.gql<{ createOrganisation: OrganisationResult & Record<string, unknown> }>(
        CREATE,
        {
          input: {
            name: 'Pleck Residents Together',
            kind: 'VCS',
            identifiers: ['360G-cohesion-pleck-residents', 'GB-CHC-1234567'],
            address: { line1: '1 Pleck Road', town: 'Walsall', postcode: 'ws2 9hb' },
            location: { latitude: 52.579, longitude: -1.998 },
            languages: ['en', 'pa'],
            areaIds: [walsall.globalId],
            themeIds: [hateCrime.globalId],
          },
        },
        member.token,
      );
      expect(result.errors).toBeUndefined();
      const created = result.data.createOrganisation;
      expect(created).toMatchObject({
        name: 'Pleck Residents Together',
        verified: false,
        version: 1,
        viewerCanManage: true,
        identifiers: ['360G-cohesion-pleck-residents', 'GB-CHC-1234567'],
        address: { line1: '1 Pleck Road', town: 'Walsall', postcode: 'WS2 9HB' },
        areas: [{ name: 'Walsall' }],
        themes: [{ code: 'hate-crime' }],
      });
      const uuid = Buffer.from(created.id, 'base64url').toString().split(':')[1];
      const grants = await t.db.query('SELECT role FROM role_grants WHERE account_id = $1 AND organisation_id = $2', [
        member.id,
        uuid,
      ]);
      expect(grants).toEqual([{ role: 'ORG_ADMIN' }]);
      const audit = await auditOf(t, uuid);
      expect(audit.map((row) => row.action)).toEqual(['create']);
      expect(audit[0].actor_account_id).toBe(member.id);
      expect(audit[0].after).toMatchObject({
        name: 'Pleck Residents Together',
        identifiers: ['360G-cohesion-pleck-residents', 'GB-CHC-1234567'],
      });
    });

    it('refuses malformed identifiers, postcodes and unknown areas, naming each field, and writes nothing', async () => {
      const member = await createPractitioner(t);
      const before = await countRows(t, 'organisations');
      const result = await t.gql(
        CREATE,
        {
          input: {
            name: 'Bad Input Group',
            kind: 'VCS',
            identifiers: ['GB-CHC-12', 'XX-FOO-1'],
            address: { postcode: 'NOT A POSTCODE' },
          },
        },
        member.token,
      );
      expect(errorCode(result)).toBe('BAD_USER_INPUT');
      expect(errorFields(result)).toEqual(['input.address.postcode']);

      const identifiers = await t.gql(
        CREATE,
        { input: { name: 'Bad Ids', kind: 'VCS', identifiers: ['GB-CHC-12', 'XX-FOO-1'] } },
        member.token,
      );
      expect(errorFields(identifiers)).toEqual(['input.identifiers[0]', 'input.identifiers[1]']);
      expect(identifiers.errors?.[0].message).toContain('Charity Commission');

      const area = await t.gql(
        CREATE,
        {
          input: {
            name: 'Unknown Area',
            kind: 'VCS',
            areaIds: [toGlobalId('Area', '00000000-0000-4000-8000-000000000000')],
          },
        },
        member.token,
      );
      expect(errorFields(area)).toEqual(['input.areaIds[0]']);

      const wrongType = await t.gql(
        CREATE,
        { input: { name: 'Wrong Id', kind: 'VCS', areaIds: [member.globalId] } },
        member.token,
      );
      expect(errorFields(wrongType)).toEqual(['input.areaIds']);
      expect(wrongType.errors?.[0].message).toBe('input.areaIds: item [0] is not the id of an Area');
      expect(await countRows(t, 'organisations')).toBe(before);
    });

    it('refuses an identifier another organisation already has', async () => {
      await createOrganisation(t, { identifiers: ['GB-COH-01234567'] });
      const member = await createPractitioner(t);
      const result = await t.gql(
        CREATE,
        { input: { name: 'Copycat Ltd', kind: 'BUSINESS', identifiers: ['GB-COH-01234567'] } },
        member.token,
      );
      expect(errorCode(result)).toBe('CONFLICT');
      expect(result.errors?.[0].message).toContain('GB-COH-01234567');
    });

    it('needs a signed-in member', async () => {
      expect(errorCode(await t.gql(CREATE, { input: { name: 'Anonymous', kind: 'VCS' } }))).toBe('UNAUTHENTICATED');
    });
  });

  describe('updateOrganisation', () => {
    it('lets its admin change it, bumps the version and audits before and after', async () => {
      const organisation = await createOrganisation(t, { name: 'Old Name Group', verified: false });
      const admin = await createPractitioner(t, { roles: [{ role: 'ORG_ADMIN', organisationId: organisation.id }] });
      const result = await t.gql<{ updateOrganisation: OrganisationResult & { description: string } }>(
        UPDATE,
        {
          input: { id: organisation.globalId, version: 1, name: 'New Name Group', description: 'We meet on Tuesdays.' },
        },
        admin.token,
      );
      expect(result.errors).toBeUndefined();
      expect(result.data.updateOrganisation).toMatchObject({
        name: 'New Name Group',
        version: 2,
        description: 'We meet on Tuesdays.',
      });
      const audit = await auditOf(t, organisation.id);
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({
        action: 'update',
        actor_account_id: admin.id,
        before: { name: 'Old Name Group' },
        after: { name: 'New Name Group' },
      });
    });

    it('refuses a stale version with CONFLICT and overwrites nothing', async () => {
      const organisation = await createOrganisation(t, { name: 'Versioned Group' });
      const admin = await createPractitioner(t, { roles: [{ role: 'ORG_ADMIN', organisationId: organisation.id }] });
      await t.gql(UPDATE, { input: { id: organisation.globalId, version: 1, name: 'First Edit' } }, admin.token);
      const stale = await t.gql(
        UPDATE,
        { input: { id: organisation.globalId, version: 1, name: 'Second Edit' } },
        admin.token,
      );
      expect(errorCode(stale)).toBe('CONFLICT');
      const [row] = await t.db.query('SELECT name, version FROM organisations WHERE id = $1', [organisation.id]);
      expect(row).toEqual({ name: 'First Edit', version: 2 });
      expect((await auditOf(t, organisation.id)).length).toBe(1);
    });

    it('is refused to a member who is not its admin, and to anonymous callers', async () => {
      const organisation = await createOrganisation(t);
      const stranger = await createPractitioner(t);
      expect(
        errorCode(
          await t.gql(UPDATE, { input: { id: organisation.globalId, version: 1, name: 'Hijack' } }, stranger.token),
        ),
      ).toBe('FORBIDDEN');
      expect(errorCode(await t.gql(UPDATE, { input: { id: organisation.globalId, version: 1, name: 'Hijack' } }))).toBe(
        'UNAUTHENTICATED',
      );
      const [row] = await t.db.query('SELECT name FROM organisations WHERE id = $1', [organisation.id]);
      expect(row.name).not.toBe('Hijack');
    });

    const VETTED = `mutation Update($input: UpdateOrganisationInput!) {
      updateOrganisation(input: $input) { version verified changedSinceVerification }
    }`;
    type Vetted = { version: number; verified: boolean; changedSinceVerification: string | null };

    let charity = 7_700_000;
    async function verifiedWithAdmin(identifier = `GB-CHC-${(charity += 2)}`) {
      const organisation = await createOrganisation(t, {
        name: 'Palfrey Community Association',
        kind: 'VCS',
        verified: true,
        identifiers: [identifier],
      });
      const admin = await createPractitioner(t, { roles: [{ role: 'ORG_ADMIN', organisationId: organisation.id }] });
      return { organisation, admin };
    }

    it.each([
      ['name', { name: 'Palfrey Walsall Council Cohesion Team' }],
      ['kind', { kind: 'LOCAL_AUTHORITY' }],
      ['identifiers', { identifiers: ['GB-CHC-7654322'] }],
    ] as const)(
      'sends a verified organisation back for verification when its %s changes; the listing stays up, marked',
      async (fact, change) => {
        const { organisation, admin } = await verifiedWithAdmin(fact === 'identifiers' ? 'GB-CHC-7654321' : undefined);
        const result = await t.gql<{ updateOrganisation: Vetted }>(
          VETTED,
          { input: { id: organisation.globalId, version: 1, ...change } },
          admin.token,
        );
        expect(result.errors).toBeUndefined();
        expect(result.data.updateOrganisation.verified).toBe(false);
        expect(result.data.updateOrganisation.changedSinceVerification).toEqual(expect.any(String));
        const anonymous = await t.gql<{ organisation: { verified: boolean } | null }>(ONE, {
          id: organisation.globalId,
        });
        expect(anonymous.data.organisation).toMatchObject({ verified: false });
        const verifiedOnly = await t.gql<{ organisations: { edges: { node: { id: string } }[] } }>(
          LIST,
          { filter: { verifiedOnly: true }, first: 100 },
          admin.token,
        );
        expect(verifiedOnly.data.organisations.edges.map((edge) => edge.node.id)).not.toContain(organisation.globalId);
        const platformAdmin = await createAdmin(t);
        const verified = await t.gql<{ verifyOrganisation: Omit<Vetted, 'version'> }>(
          `mutation V($input: VerifyOrganisationInput!) { verifyOrganisation(input: $input) { verified changedSinceVerification } }`,
          { input: { id: organisation.globalId, verified: true } },
          platformAdmin.token,
        );
        expect(verified.data.verifyOrganisation).toEqual({ verified: true, changedSinceVerification: null });
      },
    );

    it('keeps verification for other edits, for unchanged facts, and for a platform admin’s change', async () => {
      const { organisation, admin } = await verifiedWithAdmin('GB-CHC-7654323');
      const edits = [
        { description: 'Coffee mornings and a youth club.', website: 'https://palfrey.example.org' },
        { name: 'Palfrey Community Association', kind: 'VCS', identifiers: ['GB-CHC-7654323'] },
      ];
      for (const [index, edit] of edits.entries()) {
        const result = await t.gql<{ updateOrganisation: Vetted }>(
          VETTED,
          { input: { id: organisation.globalId, version: index + 1, ...edit } },
          admin.token,
        );
        expect(result.data.updateOrganisation).toMatchObject({ verified: true, changedSinceVerification: null });
      }
      const platformAdmin = await createAdmin(t);
      const renamed = await t.gql<{ updateOrganisation: Vetted }>(
        VETTED,
        { input: { id: organisation.globalId, version: 3, name: 'Palfrey Residents', kind: 'NETWORK' } },
        platformAdmin.token,
      );
      expect(renamed.data.updateOrganisation).toMatchObject({ verified: true, changedSinceVerification: null });
    });
  });

  describe('verifyOrganisation', () => {
    const VERIFY = `mutation V($input: VerifyOrganisationInput!) { verifyOrganisation(input: $input) { verified } }`;
    it('is for platform admins only', async () => {
      const organisation = await createOrganisation(t, { verified: false });
      const orgAdmin = await createPractitioner(t, { roles: [{ role: 'ORG_ADMIN', organisationId: organisation.id }] });
      expect(
        errorCode(await t.gql(VERIFY, { input: { id: organisation.globalId, verified: true } }, orgAdmin.token)),
      ).toBe('FORBIDDEN');
      expect(errorCode(await t.gql(VERIFY, { input: { id: organisation.globalId, verified: true } }))).toBe(
        'UNAUTHENTICATED',
      );
      const admin = await createAdmin(t);
      const result = await t.gql<{ verifyOrganisation: { verified: boolean } }>(
        VERIFY,
        { input: { id: organisation.globalId, verified: true } },
        admin.token,
      );
      expect(result.data.verifyOrganisation.verified).toBe(true);
      expect((await auditOf(t, organisation.id)).map((row) => row.action)).toEqual(['verify']);
    });
  });

  describe('who sees what', () => {
    it('shows anonymous callers only verified, publicly listed organisations; members see all', async () => {
      const publicOne = await createOrganisation(t, {
        name: 'Visible Public Verified',
        verified: true,
        visibility: 'PUBLIC',
      });
      const unverified = await createOrganisation(t, { name: 'Visible Unverified', verified: false });
      const membersOnly = await createOrganisation(t, {
        name: 'Visible Members Only',
        verified: true,
        visibility: 'MEMBERS',
      });
      const member = await createPractitioner(t);
      const filter = { nameContains: 'Visible' };
      const anonymous = await t.gql<{ organisations: { edges: { node: { name: string } }[]; totalCount: number } }>(
        LIST,
        { filter },
      );
      expect(anonymous.data.organisations.edges.map((edge) => edge.node.name)).toEqual(['Visible Public Verified']);
      expect(anonymous.data.organisations.totalCount).toBe(1);
      const signedIn = await t.gql<{ organisations: { totalCount: number } }>(LIST, { filter }, member.token);
      expect(signedIn.data.organisations.totalCount).toBe(3);

      expect(errorCode(await t.gql(ONE, { id: unverified.globalId }))).toBe('NOT_FOUND');
      expect(errorCode(await t.gql(ONE, { id: membersOnly.globalId }))).toBe('NOT_FOUND');
      expect(
        (await t.gql<{ organisation: { name: string } }>(ONE, { id: publicOne.globalId })).data.organisation.name,
      ).toBe('Visible Public Verified');
      expect(
        (await t.gql<{ organisation: { name: string } }>(ONE, { id: membersOnly.globalId }, member.token)).data
          .organisation.name,
      ).toBe('Visible Members Only');
    });

    it('answers a malformed id with BAD_USER_INPUT naming it', async () => {
      const result = await t.gql(ONE, { id: 'nonsense' });
      expect(errorCode(result)).toBe('BAD_USER_INPUT');
      expect(errorFields(result)).toEqual(['id']);
    });
  });

  describe('filters', () => {
    it('by area includes organisations serving any area inside it', async () => {
      const region = await createArea(t, { kind: 'REGION', name: 'Filter Region', code: null });
      const council = await createArea(t, { kind: 'LOCAL_AUTHORITY', name: 'Filter Council', parentId: region.id });
      const ward = await createArea(t, { kind: 'WARD', name: 'Filter Ward', parentId: council.id, code: null });
      await createOrganisation(t, { name: 'Area Filter Ward Group', areaIds: [ward.id] });
      await createOrganisation(t, { name: 'Area Filter Council Team', areaIds: [council.id] });
      await createOrganisation(t, { name: 'Area Filter Elsewhere' });
      const names = async (areaIds: string[]) =>
        (
          await t.gql<{ organisations: { edges: { node: { name: string } }[] } }>(LIST, {
            filter: { areaIds, nameContains: 'Area Filter' },
          })
        ).data.organisations.edges.map((edge) => edge.node.name);
      expect(await names([region.globalId])).toEqual(['Area Filter Council Team', 'Area Filter Ward Group']);
      expect(await names([ward.globalId])).toEqual(['Area Filter Ward Group']);
    });

    it('by theme includes narrower themes, and by kind', async () => {
      const hateCrime = await termId(t, 'cohesion-themes', 'hate-crime');
      const child = await t.db.query<{ id: string }[]>(
        `INSERT INTO taxonomy_terms (taxonomy_id, parent_id, code, name)
         SELECT taxonomy_id, id, 'theme-filter-child', 'Third-party reporting' FROM taxonomy_terms WHERE id = $1 RETURNING id`,
        [hateCrime.id],
      );
      await createOrganisation(t, {
        name: 'Theme Filter Reporting Centre',
        kind: 'FAITH_GROUP',
        themeIds: [child[0].id],
      });
      await createOrganisation(t, {
        name: 'Theme Filter Youth Club',
        kind: 'VCS',
        themeIds: [(await termId(t, 'cohesion-themes', 'youth')).id],
      });
      const byTheme = await t.gql<{ organisations: { edges: { node: { name: string } }[] } }>(LIST, {
        filter: { themeIds: [hateCrime.globalId], nameContains: 'Theme Filter' },
      });
      expect(byTheme.data.organisations.edges.map((edge) => edge.node.name)).toEqual(['Theme Filter Reporting Centre']);
      const byKind = await t.gql<{ organisations: { edges: { node: { name: string } }[] } }>(LIST, {
        filter: { kinds: ['VCS'], nameContains: 'Theme Filter' },
      });
      expect(byKind.data.organisations.edges.map((edge) => edge.node.name)).toEqual(['Theme Filter Youth Club']);
    });
  });

  describe('paging', () => {
    it('walks every page without skipping or repeating, matching one unpaged query', async () => {
      for (let i = 0; i < 23; i++) await createOrganisation(t, { name: `Paging Group ${String(i % 7)}` });
      const all = await t.gql<{ organisations: { edges: { node: { id: string } }[] } }>(LIST, {
        filter: { nameContains: 'Paging Group' },
        first: 100,
      });
      const seen: string[] = [];
      let after: string | undefined;
      for (;;) {
        const page: {
          data: {
            organisations: { edges: { node: { id: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } };
          };
        } = await t.gql(LIST, { filter: { nameContains: 'Paging Group' }, first: 5, after });
        seen.push(...page.data.organisations.edges.map((edge) => edge.node.id));
        if (!page.data.organisations.pageInfo.hasNextPage) break;
        after = page.data.organisations.pageInfo.endCursor;
      }
      expect(seen).toHaveLength(23);
      expect(seen).toEqual(all.data.organisations.edges.map((edge) => edge.node.id));
    });

    it('refuses page sizes above 100 and foreign cursors, naming the argument', async () => {
      const big = await t.gql(LIST, { first: 101 });
      expect(errorCode(big)).toBe('BAD_USER_INPUT');
      expect(errorFields(big)).toEqual(['first']);
      const cursor = await t.gql(LIST, { after: 'not-a-cursor' });
      expect(errorFields(cursor)).toEqual(['after']);
    });
  });
});
