import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  createAdmin,
  createArea,
  createOrganisation,
  createPractitioner,
  createService,
  createTerm,
  createTestApp,
  type OrganisationOverrides,
  type TestApp,
} from '@cohesion/testing';

interface InputField {
  name: string;
  defaultValue: string | null;
}
interface InputTypeInfo {
  name: string;
  kind: string;
  inputFields: InputField[] | null;
}

const INTROSPECT = `{ __schema {
  types { name kind inputFields { name defaultValue } }
  mutationType { fields { name args { name type { name kind ofType { name kind } } } } }
} }`;

/** An update input: named Update…/Edit…, or the input of an update…/edit… mutation. */
function isUpdateName(name: string): boolean {
  return /^(update|edit)[A-Z]/i.test(name);
}

/**
 * An update changes only the fields it names. Each update input in the schema has one check
 * below: leave a field out, and it keeps the value it had. The sweep fails when an update
 * input appears without one.
 */
describe('update inputs change only the fields they name', () => {
  let t: TestApp;
  let updateInputs: InputTypeInfo[];
  beforeAll(async () => {
    t = await createTestApp();
    const result = await t.gql<{
      __schema: {
        types: InputTypeInfo[];
        mutationType: {
          fields: { name: string; args: { type: { name: string | null; ofType: { name: string } | null } }[] }[];
        };
      };
    }>(INTROSPECT);
    const schema = result.data.__schema;
    const names = new Set(schema.types.filter((type) => type.kind === 'INPUT_OBJECT').map((type) => type.name));
    const chosen = new Set([...names].filter(isUpdateName));
    for (const mutation of schema.mutationType.fields.filter((field) => isUpdateName(field.name))) {
      for (const arg of mutation.args) {
        const name = arg.type.name ?? arg.type.ofType?.name;
        if (name && names.has(name)) chosen.add(name);
      }
    }
    updateInputs = schema.types.filter((type) => chosen.has(type.name));
  });
  afterAll(async () => {
    await t.close();
  });

  it('declares no default on any field of any update input', () => {
    expect(updateInputs.length).toBeGreaterThanOrEqual(5);
    const defaults = updateInputs.flatMap((type) =>
      (type.inputFields ?? [])
        .filter((field) => field.defaultValue !== null)
        .map((field) => `${type.name}.${field.name} = ${field.defaultValue}`),
    );
    expect(defaults).toEqual([]);
  });

  it('has a keeps-what-was-left-out check for every update input', () => {
    expect(updateInputs.map((type) => type.name).sort()).toEqual(Object.keys(checks).sort());
  });

  async function organisationWithAdmin(overrides: OrganisationOverrides) {
    const organisation = await createOrganisation(t, overrides);
    const admin = await createPractitioner(t, { roles: [{ role: 'ORG_ADMIN', organisationId: organisation.id }] });
    return { organisation, admin };
  }

  const checks: Record<string, () => Promise<void>> = {
    async UpdateOrganisationInput() {
      const { organisation, admin } = await organisationWithAdmin({ name: 'Palfrey Mothers', visibility: 'MEMBERS' });
      const result = await t.gql<{ updateOrganisation: { visibility: string; description: string; name: string } }>(
        `mutation ($input: UpdateOrganisationInput!) { updateOrganisation(input: $input) { name description visibility } }`,
        { input: { id: organisation.globalId, version: 1, description: 'Typo fixed' } },
        admin.token,
      );
      expect(result.errors).toBeUndefined();
      expect(result.data.updateOrganisation).toEqual({
        name: 'Palfrey Mothers',
        description: 'Typo fixed',
        visibility: 'MEMBERS',
      });
      const anonymous = await t.gql<{ organisation: unknown }>(`query ($id: ID!) { organisation(id: $id) { name } }`, {
        id: organisation.globalId,
      });
      expect(anonymous.data?.organisation ?? null).toBeNull();
    },

    async UpdateServiceInput() {
      const { organisation, admin } = await organisationWithAdmin({ name: 'Caldmore Women’s Circle' });
      const service = await createService(t, {
        organisationId: organisation.id,
        name: 'Sewing circle',
        visibility: 'MEMBERS',
        status: 'inactive',
      });
      const result = await t.gql<{ updateService: { visibility: string; status: string; description: string } }>(
        `mutation ($input: UpdateServiceInput!) { updateService(input: $input) { description status visibility } }`,
        { input: { id: service.globalId, version: 1, description: 'Typo fixed' } },
        admin.token,
      );
      expect(result.errors).toBeUndefined();
      expect(result.data.updateService).toEqual({
        description: 'Typo fixed',
        status: 'INACTIVE',
        visibility: 'MEMBERS',
      });
      const anonymous = await t.gql<{ service: unknown }>(`query ($id: ID!) { service(id: $id) { name } }`, {
        id: service.globalId,
      });
      expect(anonymous.data?.service ?? null).toBeNull();
      expect(anonymous.errors?.length).toBeGreaterThan(0);
      const feed = await t.http().get(`/openreferral/v3/services/${service.id}`);
      expect(feed.status).toBe(404);
    },

    async UpdateAreaInput() {
      const admin = await createAdmin(t);
      const walsall = await createArea(t, { name: 'Walsall', code: 'E08900901' });
      const ward = await createArea(t, { kind: 'WARD', name: 'Palfrey', code: 'E05900901', parentId: walsall.id });
      const result = await t.gql<{ updateArea: { name: string; code: string; parent: { name: string } } }>(
        `mutation ($input: UpdateAreaInput!) { updateArea(input: $input) { name code parent { name } } }`,
        { input: { id: ward.globalId, name: 'Palfrey and Caldmore' } },
        admin.token,
      );
      expect(result.errors).toBeUndefined();
      expect(result.data.updateArea).toEqual({
        name: 'Palfrey and Caldmore',
        code: 'E05900901',
        parent: { name: 'Walsall' },
      });
    },

    async UpdateTaxonomyTermInput() {
      const admin = await createAdmin(t);
      const parent = await createTerm(t, 'cohesion-themes', { name: 'Belonging' });
      const term = await createTerm(t, 'cohesion-themes', { name: 'Neighbourliness', parentId: parent.id });
      const described = await t.gql(
        `mutation ($input: UpdateTaxonomyTermInput!) { updateTaxonomyTerm(input: $input) { id } }`,
        { input: { id: term.globalId, description: 'Knowing the people next door.' } },
        admin.token,
      );
      expect(described.errors).toBeUndefined();
      const result = await t.gql<{
        updateTaxonomyTerm: { name: string; description: string; parent: { name: string } };
      }>(
        `mutation ($input: UpdateTaxonomyTermInput!) { updateTaxonomyTerm(input: $input) { name description parent { name } } }`,
        { input: { id: term.globalId, name: 'Good neighbours' } },
        admin.token,
      );
      expect(result.errors).toBeUndefined();
      expect(result.data.updateTaxonomyTerm).toEqual({
        name: 'Good neighbours',
        description: 'Knowing the people next door.',
        parent: { name: 'Belonging' },
      });
    },

    async UpdateMyProfileInput() {
      const person = await createPractitioner(t, {
        discoverable: false,
        openToIntroductions: false,
        jobTitle: 'Cohesion officer',
        introductionsMonthlyCap: 3,
      });
      const result = await t.gql<{
        updateMyProfile: { jobTitle: string; bio: string; discoverable: boolean; openToIntroductions: boolean };
      }>(
        `mutation ($input: UpdateMyProfileInput!) { updateMyProfile(input: $input) { jobTitle bio discoverable openToIntroductions } }`,
        { input: { version: 1, bio: 'Twenty years in Walsall.' } },
        person.token,
      );
      expect(result.errors).toBeUndefined();
      expect(result.data.updateMyProfile).toEqual({
        jobTitle: 'Cohesion officer',
        bio: 'Twenty years in Walsall.',
        discoverable: false,
        openToIntroductions: false,
      });
      const [row] = await t.db.query<{ cap: number }[]>(
        'SELECT introductions_monthly_cap AS cap FROM practitioners WHERE id = $1',
        [person.id],
      );
      expect(row.cap).toBe(3);
    },
  };

  for (const [name, check] of Object.entries(checks)) {
    it(`${name}: a field left out keeps its value`, check);
  }
});
