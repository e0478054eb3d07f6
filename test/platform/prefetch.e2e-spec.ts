import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  addLocation,
  createArea,
  createOrganisation,
  createPractitioner,
  createService,
  createTestApp,
  termId,
  type TestApp,
  type TestPractitioner,
} from '@cohesion/testing';

/**
 * Organisations with everything below them are read ahead, one statement per level
 * (the organisation reader takes areas, themes, services with their venues and terms,
 * and people in one), and GraphQL completes the tree from memory. These tests hold the
 * answers to what each field's own resolver gives, with the same privacy rules.
 */
const TREE = `query Tree($area: ID!, $first: Int) {
  organisations(first: $first, filter: { areaIds: [$area] }) {
    totalCount
    edges { node {
      id name
      areas { name }
      themes { code }
      services(first: 5) { totalCount edges { node {
        id name locations { name area { name } } taxonomyTerms { code }
      } } }
      practitioners(first: 5) { totalCount edges { node { fullName } } }
    } }
  }
}`;

const SERVICES_OF = `query ServicesOf($organisation: ID!) {
  services(first: 20, filter: { organisationId: $organisation }) {
    totalCount edges { node { id name locations { name area { name } } taxonomyTerms { code } } }
  }
}`;

interface Edge<T> {
  node: T;
}
interface ServiceNode {
  id: string;
  name: string;
  locations: { name: string; area: { name: string } | null }[];
  taxonomyTerms: { code: string }[];
}
interface OrganisationNode {
  id: string;
  name: string;
  areas: { name: string }[];
  themes: { code: string }[];
  services: { totalCount: number; edges: Edge<ServiceNode>[] };
  practitioners: { totalCount: number; edges: Edge<{ fullName: string }>[] } | null;
}

describe('nested reads', () => {
  let t: TestApp;
  let member: TestPractitioner;
  let areaId: string;
  const organisationIds: string[] = [];
  const workers: TestPractitioner[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    const area = await createArea(t, { name: 'Prefetch Borough' });
    const ward = await createArea(t, { kind: 'WARD', name: 'Prefetch Ward', parentId: area.id });
    areaId = area.globalId;
    const youth = await termId(t, 'cohesion-themes', 'youth');
    const esol = await termId(t, 'cohesion-themes', 'integration-and-esol');
    for (let i = 0; i < 6; i++) {
      const organisation = await createOrganisation(t, {
        name: `Prefetch Group ${i}`,
        areaIds: [i % 2 ? ward.id : area.id],
        themeIds: i % 3 ? [youth.id] : [youth.id, esol.id],
      });
      organisationIds.push(organisation.globalId);
      for (let j = 0; j < (i % 3) + 1; j++) {
        const service = await createService(t, {
          organisationId: organisation.id,
          name: `Prefetch Service ${i}.${j}`,
          // Every third service is for members only.
          visibility: j === 2 ? 'MEMBERS' : 'PUBLIC',
          termIds: j % 2 ? [youth.id] : [esol.id, youth.id],
        });
        await addLocation(t, service.id, { name: `Hall ${i}.${j}`, areaId: ward.id });
      }
      workers.push(
        await createPractitioner(t, {
          fullName: `Prefetch Person ${i}`,
          memberships: [{ organisationId: organisation.id }],
        }),
      );
      await createPractitioner(t, {
        fullName: `Hidden Person ${i}`,
        discoverable: false,
        memberships: [{ organisationId: organisation.id }],
      });
    }
    member = await createPractitioner(t);
  });
  afterAll(async () => {
    await t.close();
  });

  async function tree(token?: string, first = 6): Promise<OrganisationNode[]> {
    const result = await t.gql<{ organisations: { edges: Edge<OrganisationNode>[] } }>(
      TREE,
      { area: areaId, first },
      token,
    );
    expect(result.errors).toBeUndefined();
    return result.data.organisations.edges.map((edge) => edge.node);
  }

  it('reads a page of organisations with everything below them in three statements, whatever its size', async () => {
    t.resetStatements();
    expect(await tree(undefined, 2)).toHaveLength(2);
    const small = t.statements();
    t.resetStatements();
    expect(await tree(undefined, 6)).toHaveLength(6);
    // The page, its total, then areas, themes, services, venues and terms in one; venues' areas by their loader.
    expect(t.statements()).toBe(small);
    expect(small).toBeLessThanOrEqual(4);
  });

  it('gives each organisation the services its own list gives, with the same venues and terms', async () => {
    for (const token of [undefined, member.token]) {
      for (const organisation of await tree(token)) {
        const own = await t.gql<{ services: { totalCount: number; edges: Edge<ServiceNode>[] } }>(
          SERVICES_OF,
          { organisation: organisation.id },
          token,
        );
        expect(own.errors).toBeUndefined();
        expect(organisation.services.totalCount).toBe(own.data.services.totalCount);
        expect(organisation.services.edges).toEqual(own.data.services.edges.slice(0, 5));
      }
    }
  });

  it('keeps members-only services and people from anonymous callers', async () => {
    const anonymous = await tree();
    const signedIn = await tree(member.token);
    const names = (nodes: OrganisationNode[]) =>
      nodes.flatMap((node) => node.services.edges.map((edge) => edge.node.name)).sort();
    expect(names(anonymous)).not.toContain('Prefetch Service 2.2');
    expect(names(signedIn)).toContain('Prefetch Service 2.2');
    expect(anonymous.every((node) => node.practitioners === null)).toBe(true);
    const people = signedIn.flatMap((node) => node.practitioners?.edges.map((edge) => edge.node.fullName) ?? []);
    expect(people).toContain('Prefetch Person 0');
    expect(people.some((name) => name.startsWith('Hidden'))).toBe(false);
  });

  it('never shows people someone blocked among an organisation’s people', async () => {
    const blocker = await createPractitioner(t);
    const blocked = await t.gql(
      `mutation B($id: ID!) { blockPractitioner(practitionerId: $id) }`,
      { id: workers[0].globalId },
      blocker.token,
    );
    expect(blocked.errors).toBeUndefined();
    const people = (nodes: OrganisationNode[]) =>
      nodes.flatMap((node) => node.practitioners?.edges.map((edge) => edge.node.fullName) ?? []);
    expect(people(await tree(blocker.token))).not.toContain('Prefetch Person 0');
    expect(people(await tree(member.token))).toContain('Prefetch Person 0');
    const one = await t.gql<{ organisation: OrganisationNode }>(
      `query One($id: ID!) { organisation(id: $id) { practitioners(first: 5) { totalCount edges { node { fullName } } } } }`,
      { id: organisationIds[0] },
      blocker.token,
    );
    expect(one.errors).toBeUndefined();
    expect(people([one.data.organisation])).toEqual([]);
    expect(one.data.organisation.practitioners?.totalCount).toBe(0);
  });

  it('answers each alias with its own page size', async () => {
    const result = await t.gql<{ organisation: Record<string, { totalCount: number; edges: unknown[] }> }>(
      `query Two($id: ID!) { organisation(id: $id) {
         one: services(first: 1) { totalCount edges { node { name } } }
         all: services(first: 10) { totalCount edges { node { name } } } } }`,
      { id: organisationIds[2] },
      member.token,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data.organisation.one.edges).toHaveLength(1);
    expect(result.data.organisation.all.edges).toHaveLength(3);
    expect(result.data.organisation.one.totalCount).toBe(3);
  });

  it('refuses a bad page size below a list by its field, as the resolver does', async () => {
    const result = await t.gql(
      `query Bad($area: ID!) { organisations(first: 2, filter: { areaIds: [$area] }) {
         edges { node { name services(first: 0) { totalCount } } } } }`,
      { area: areaId },
    );
    expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(result.errors)).toContain('first');
  });

  it('leaves out what @include and @skip leave out', async () => {
    const result = await t.gql<{ organisations: { edges: Edge<Record<string, unknown>>[] } }>(
      `query Directives($area: ID!, $with: Boolean!) { organisations(first: 2, filter: { areaIds: [$area] }) {
         edges { node { name areas @include(if: $with) { name } themes @skip(if: true) { code } } } } }`,
      { area: areaId, with: false },
    );
    expect(result.errors).toBeUndefined();
    for (const edge of result.data.organisations.edges) expect(Object.keys(edge.node)).toEqual(['name']);
  });
});
