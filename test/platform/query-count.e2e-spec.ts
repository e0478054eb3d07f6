import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  createArea,
  createOrganisation,
  createPractitioner,
  createService,
  createTestApp,
  termId,
  type TestApp,
} from '@cohesion/testing';

/**
 * A list's cost in SQL statements must not grow with its length: each level of a
 * nested query is one batched statement (DataLoader, or the organisation reader for
 * everything it reads below organisations), whatever the page size.
 */
const NESTED = `query Nested($first: Int) {
  organisations(first: $first) {
    totalCount
    edges { node {
      name areas { name } themes { name }
      services(first: 5) { totalCount edges { node {
        name locations { name area { name } } taxonomyTerms { name } costOptions { amountPence } schedules { byday }
      } } }
      practitioners(first: 3) { edges { node { fullName memberships { organisation { name } } } } }
    } }
  }
}`;

describe('SQL statements per request', () => {
  let t: TestApp;
  let token: string;
  beforeAll(async () => {
    t = await createTestApp();
    const area = await createArea(t);
    const youth = await termId(t, 'cohesion-themes', 'youth');
    for (let i = 0; i < 40; i++) {
      const organisation = await createOrganisation(t, {
        name: `Counted Organisation ${String(i).padStart(2, '0')}`,
        areaIds: [area.id],
        themeIds: [youth.id],
      });
      for (let j = 0; j < 2; j++)
        await createService(t, { organisationId: organisation.id, areaIds: [area.id], termIds: [youth.id] });
      await createPractitioner(t, { memberships: [{ organisationId: organisation.id }] });
    }
    token = (await createPractitioner(t)).token;
  });
  afterAll(async () => {
    await t.close();
  });

  async function statementsFor(first: number): Promise<number> {
    t.resetStatements();
    const result = await t.gql<{ organisations: { edges: unknown[] } }>(NESTED, { first }, token);
    expect(result.errors).toBeUndefined();
    expect(result.data.organisations.edges).toHaveLength(first);
    return t.statements();
  }

  it('stays the same for 5 and 40 organisations with their services, areas and people', async () => {
    const small = await statementsFor(5);
    const large = await statementsFor(40);
    expect(large).toBe(small);
    // viewer, page, count, the organisations' areas, themes, services (with venues and terms) and people in
    // one, venues' areas, costs, schedules, memberships, their organisations
    expect(small).toBeLessThanOrEqual(10);
  });
});
