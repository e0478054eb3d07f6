import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  createAdmin,
  createArea,
  createPractitioner,
  createTestApp,
  errorCode,
  errorFields,
  termId,
  type TestApp,
} from '@cohesion/testing';

const CREATE_AREA = `mutation C($input: CreateAreaInput!) { createArea(input: $input) { id name kind code parent { name } ancestors { name } } }`;
const UPDATE_AREA = `mutation U($input: UpdateAreaInput!) { updateArea(input: $input) { id name ancestors { name } } }`;
const AREAS = `query A($filter: AreasFilter) { areas(filter: $filter, first: 100) { totalCount edges { node { name kind code children { name } } } } }`;
const CREATE_TERM = `mutation T($input: CreateTaxonomyTermInput!) { createTaxonomyTerm(input: $input) { id code name parent { code } taxonomy { code } } }`;
const TERMS = `query Terms($filter: TaxonomyTermsFilter) { taxonomyTerms(filter: $filter, first: 100) { totalCount edges { node { code name } } } }`;

describe('areas', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('lets a platform admin build the tree region > local authority > locality > ward', async () => {
    const admin = await createAdmin(t);
    const region = await t.gql<{ createArea: { id: string } }>(
      CREATE_AREA,
      { input: { name: 'West Midlands', kind: 'REGION', code: 'E12000005' } },
      admin.token,
    );
    expect(region.errors).toBeUndefined();
    const council = await t.gql<{ createArea: { id: string } }>(
      CREATE_AREA,
      { input: { name: 'Walsall', kind: 'LOCAL_AUTHORITY', code: 'E08000030', parentId: region.data.createArea.id } },
      admin.token,
    );
    const locality = await t.gql<{ createArea: { id: string } }>(
      CREATE_AREA,
      { input: { name: 'Walsall North', kind: 'LOCALITY', code: 'WAL-NORTH', parentId: council.data.createArea.id } },
      admin.token,
    );
    const ward = await t.gql<{ createArea: { ancestors: { name: string }[]; parent: { name: string } } }>(
      CREATE_AREA,
      { input: { name: 'Blakenall', kind: 'WARD', parentId: locality.data.createArea.id } },
      admin.token,
    );
    expect(ward.data.createArea.parent.name).toBe('Walsall North');
    expect(ward.data.createArea.ancestors.map((area) => area.name)).toEqual([
      'West Midlands',
      'Walsall',
      'Walsall North',
    ]);

    const within = await t.gql<{ areas: { totalCount: number } }>(AREAS, {
      filter: { within: council.data.createArea.id },
    });
    expect(within.data.areas.totalCount).toBe(3);
    const byCode = await t.gql<{ areas: { edges: { node: { name: string; children: { name: string }[] } }[] } }>(
      AREAS,
      { filter: { codes: ['E08000030'] } },
    );
    expect(byCode.data.areas.edges[0].node).toMatchObject({ name: 'Walsall', children: [{ name: 'Walsall North' }] });
  });

  it('refuses a tree that does not fit, naming the field', async () => {
    const admin = await createAdmin(t);
    const ward = await createArea(t, {
      kind: 'WARD',
      name: 'Loose Ward',
      code: null,
      parentId: (await createArea(t)).id,
    });
    const underWard = await t.gql(
      CREATE_AREA,
      { input: { name: 'Too Deep', kind: 'LOCALITY', parentId: ward.globalId } },
      admin.token,
    );
    expect(errorFields(underWard)).toEqual(['input.parentId']);
    const region = await createArea(t, { kind: 'REGION', code: null });
    const noCode = await t.gql(
      CREATE_AREA,
      { input: { name: 'No Code Council', kind: 'LOCAL_AUTHORITY', parentId: region.globalId } },
      admin.token,
    );
    expect(errorFields(noCode)).toEqual(['input.code']);
    const badCode = await t.gql(
      CREATE_AREA,
      { input: { name: 'Bad Code Ward', kind: 'WARD', code: 'E08000030', parentId: (await createArea(t)).globalId } },
      admin.token,
    );
    expect(errorFields(badCode)).toEqual(['input.code']);
  });

  it('moves a whole branch: filters by the new ancestor find the descendants', async () => {
    const admin = await createAdmin(t);
    const oldRegion = await createArea(t, { kind: 'REGION', name: 'Old Region', code: null });
    const newRegion = await createArea(t, { kind: 'REGION', name: 'New Region', code: null });
    const council = await createArea(t, { name: 'Moving Council', parentId: oldRegion.id });
    await createArea(t, { kind: 'WARD', name: 'Moving Ward', code: null, parentId: council.id });
    const moved = await t.gql(
      UPDATE_AREA,
      { input: { id: council.globalId, parentId: newRegion.globalId } },
      admin.token,
    );
    expect(moved.errors).toBeUndefined();
    const under = async (id: string) =>
      (
        await t.gql<{ areas: { edges: { node: { name: string } }[] } }>(AREAS, { filter: { within: id } })
      ).data.areas.edges
        .map((edge) => edge.node.name)
        .sort();
    expect(await under(newRegion.globalId)).toEqual(['Moving Council', 'Moving Ward', 'New Region']);
    expect(await under(oldRegion.globalId)).toEqual(['Old Region']);
  });

  it('is managed by platform admins only', async () => {
    const member = await createPractitioner(t);
    expect(errorCode(await t.gql(CREATE_AREA, { input: { name: 'X', kind: 'REGION' } }, member.token))).toBe(
      'FORBIDDEN',
    );
    expect(errorCode(await t.gql(CREATE_AREA, { input: { name: 'X', kind: 'REGION' } }))).toBe('UNAUTHENTICATED');
  });
});

describe('taxonomy', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('ships the cohesion themes and service types vocabularies', async () => {
    const themes = await t.gql<{ taxonomyTerms: { totalCount: number; edges: { node: { code: string } }[] } }>(TERMS, {
      filter: { taxonomy: 'cohesion-themes', topOnly: true },
    });
    expect(themes.data.taxonomyTerms.totalCount).toBe(17);
    expect(themes.data.taxonomyTerms.edges.map((edge) => edge.node.code)).toEqual(
      expect.arrayContaining(['hate-crime', 'integration-and-esol', 'prevent-and-counter-extremism', 'volunteering']),
    );
    const types = await t.gql<{ taxonomies: { code: string }[] }>(`{ taxonomies { code } }`);
    expect(types.data.taxonomies.map((taxonomy) => taxonomy.code)).toEqual(['cohesion-themes', 'service-types']);
  });

  it('lets a platform admin add a narrower term; others may not', async () => {
    const admin = await createAdmin(t);
    const hateCrime = await termId(t, 'cohesion-themes', 'hate-crime');
    const created = await t.gql<{
      createTaxonomyTerm: { code: string; parent: { code: string }; taxonomy: { code: string } };
    }>(
      CREATE_TERM,
      {
        input: {
          taxonomy: 'cohesion-themes',
          code: 'third-party-reporting',
          name: 'Third-party reporting',
          parentId: hateCrime.globalId,
        },
      },
      admin.token,
    );
    expect(created.data.createTaxonomyTerm).toMatchObject({
      code: 'third-party-reporting',
      name: 'Third-party reporting',
      parent: { code: 'hate-crime' },
      taxonomy: { code: 'cohesion-themes' },
    });
    const duplicate = await t.gql(
      CREATE_TERM,
      { input: { taxonomy: 'cohesion-themes', code: 'third-party-reporting', name: 'Again' } },
      admin.token,
    );
    expect(errorCode(duplicate)).toBe('CONFLICT');
    const badCode = await t.gql(
      CREATE_TERM,
      { input: { taxonomy: 'cohesion-themes', code: 'Not A Code', name: 'x' } },
      admin.token,
    );
    expect(errorFields(badCode)).toEqual(['input.code']);
    const member = await createPractitioner(t);
    expect(
      errorCode(
        await t.gql(CREATE_TERM, { input: { taxonomy: 'cohesion-themes', code: 'x-y', name: 'x' } }, member.token),
      ),
    ).toBe('FORBIDDEN');
    expect(
      errorCode(await t.gql(CREATE_TERM, { input: { taxonomy: 'cohesion-themes', code: 'x-y', name: 'x' } })),
    ).toBe('UNAUTHENTICATED');
  });
});
