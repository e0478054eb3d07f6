import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { encodeCursor, toGlobalId } from '@cohesion/common';
import {
  createAdmin,
  createApplication,
  createFund,
  createOrganisation,
  createPractitioner,
  createRound,
  createService,
  createTestApp,
  errorFields,
  type GqlResult,
  type TestApp,
  type TestPractitioner,
} from '@cohesion/testing';

/**
 * Inputs that outside testing found to end in INTERNAL_SERVER_ERROR. Each must be refused
 * as the caller's input (BAD_USER_INPUT naming the field) or answered, never a fault.
 * The fuzz test (hostile-input-fuzz) sweeps every argument of the schema the same way.
 */
describe('hostile input', () => {
  let t: TestApp;
  let member: TestPractitioner;
  let officer: TestPractitioner;
  let admin: TestPractitioner;
  let organisation: { id: string; globalId: string };
  let fund: { id: string; globalId: string };
  let round: { id: string; globalId: string };
  let application: { id: string; globalId: string };

  beforeAll(async () => {
    t = await createTestApp();
    member = await createPractitioner(t);
    admin = await createAdmin(t);
    const council = await createOrganisation(t, { name: 'Hostile Borough Council', kind: 'LOCAL_AUTHORITY' });
    officer = await createPractitioner(t, { roles: [{ role: 'GRANTS_OFFICER', organisationId: council.id }] });
    organisation = await createOrganisation(t, { name: 'Hostile Input Group' });
    await createService(t, { organisationId: organisation.id, name: 'Hostile Input Club' });
    fund = await createFund(t, { ownerOrganisationId: council.id });
    round = await createRound(t, { fundId: fund.id });
    application = await createApplication(t, {
      fundId: fund.id,
      roundId: round.id,
      applicantOrganisationId: organisation.id,
    });
  });
  afterAll(async () => {
    await t.close();
  });

  /** Refused as the caller's input, naming the field when one is given. */
  function expectRefused(result: GqlResult<unknown>, field?: string): void {
    expect(result.errors?.map((error) => error.extensions?.code)).toEqual(['BAD_USER_INPUT']);
    if (field) expect(errorFields(result)).toContain(field);
  }

  describe('tampered cursors', () => {
    // base64url of ["a","not-a-uuid"] and of ["not a date","<uuid>"].
    const notUuid = encodeCursor(['a', 'not-a-uuid']);
    const notDate = encodeCursor(['not a date', '0b0c5f1e-2f0e-4b8e-9a7e-6f3d2c1b0a99']);
    const lists: [string, 'anonymous' | 'member'][] = [
      ['organisations', 'anonymous'],
      ['areas', 'anonymous'],
      ['taxonomyTerms', 'anonymous'],
      ['services', 'anonymous'],
      ['practitioners', 'member'],
      ['myConnections', 'member'],
      ['myNotifications', 'member'],
      ['myIntroductions', 'member'],
    ];
    it.each(lists)('%s refuses a cursor holding a non-uuid id', async (list, who) => {
      const result = await t.gql(
        `query ($after: String) { ${list}(after: $after) { totalCount } }`,
        { after: notUuid },
        who === 'member' ? member.token : undefined,
      );
      expectRefused(result, 'after');
    });
    it.each(['myNotifications', 'myIntroductions'])('%s refuses a cursor whose date is no date', async (list) => {
      const result = await t.gql(
        `query ($after: String) { ${list}(after: $after) { totalCount } }`,
        { after: notDate },
        member.token,
      );
      expectRefused(result, 'after');
    });
    it('search refuses a cursor holding a non-uuid id', async () => {
      const result = await t.gql(`query ($after: String) { search(query: "club", after: $after) { totalCount } }`, {
        after: encodeCursor([1, 1, 'not-a-uuid']),
      });
      expectRefused(result, 'after');
    });
  });

  describe('the NUL character', () => {
    const NUL = 'a\u0000b';
    const cases: [string, string, Record<string, unknown>, () => string | undefined, string][] = [
      ['search', `query ($v: String!) { search(query: $v) { totalCount } }`, { v: NUL }, () => undefined, 'query'],
      [
        'organisations nameContains',
        `query ($v: String!) { organisations(filter: { nameContains: $v }) { totalCount } }`,
        { v: NUL },
        () => undefined,
        'filter.nameContains',
      ],
      [
        'area codes',
        `query ($v: String!) { areas(filter: { codes: [$v] }) { totalCount } }`,
        { v: NUL },
        () => undefined,
        'filter.codes[0]',
      ],
      [
        'login',
        `mutation ($v: String!) { login(input: { email: $v, password: "whatever-it-is-1" }) { accessToken } }`,
        { v: `x${NUL}@example.org` },
        () => undefined,
        'input.email',
      ],
      [
        'register',
        `mutation ($v: String!) { register(input: { email: "n@example.org", password: "a-long-test-passphrase-7", fullName: $v }) { email } }`,
        { v: NUL },
        () => undefined,
        'input.fullName',
      ],
      [
        'updateMyProfile',
        `mutation ($v: String!) { updateMyProfile(input: { version: 1, bio: $v }) { id } }`,
        { v: NUL },
        () => member.token,
        'input.bio',
      ],
      [
        'createOrganisation',
        `mutation ($v: String!) { createOrganisation(input: { name: $v, kind: VCS }) { id } }`,
        { v: NUL },
        () => member.token,
        'input.name',
      ],
      [
        'createTaxonomyTerm',
        `mutation ($v: String!) { createTaxonomyTerm(input: { taxonomy: "cohesion-themes", code: "x", name: $v }) { id } }`,
        { v: NUL },
        () => admin.token,
        'input.name',
      ],
      [
        'withdrawApplication',
        `mutation ($id: ID!, $v: String) { withdrawApplication(input: { applicationId: $id, reason: $v }) { id } }`,
        { v: NUL },
        () => officer.token,
        'input.reason',
      ],
      [
        'declareConflictOfInterest',
        `mutation ($id: ID!, $v: String) { declareConflictOfInterest(input: { applicationId: $id, hasConflict: true, details: $v }) { id } }`,
        { v: NUL },
        () => officer.token,
        'input.details',
      ],
      [
        'decideApplication',
        `mutation ($id: ID!, $v: String) { decideApplication(input: { applicationId: $id, decision: DECLINE, reason: $v }) { id } }`,
        { v: NUL },
        () => officer.token,
        'input.reason',
      ],
    ];
    it.each(cases)('%s refuses it, naming the field', async (_name, query, variables, token, field) => {
      const result = await t.gql(query, { id: application.globalId, ...variables }, token());
      expectRefused(result, field);
    });

    it('createService and createRound refuse it, naming the field', async () => {
      const service = await t.gql(
        `mutation ($org: ID!, $v: String!) { createService(input: { organisationId: $org, name: $v }) { id } }`,
        { org: organisation.globalId, v: NUL },
        admin.token,
      );
      expectRefused(service, 'input.name');
      const created = await t.gql(
        `mutation ($fund: ID!, $v: String!) { createRound(input: { fundId: $fund, name: $v, opensAt: "2027-01-01T00:00:00Z",
           closesAt: "2027-02-01T00:00:00Z", minAward: 100, maxAward: 1000, criteria: [{ name: "Need", weight: 1, maxScore: 10 }] }) { id } }`,
        { fund: fund.globalId, v: NUL },
        officer.token,
      );
      expectRefused(created, 'input.name');
    });

    it('is refused inside a literal of the query text too', async () => {
      expectRefused(await t.gql(`{ search(query: "a\\u0000b") { totalCount } }`), 'query');
    });
  });

  describe('text that is not well-formed Unicode', () => {
    const lone = 'x\ud83d';
    it.each([
      [
        'login',
        `mutation ($v: String!) { login(input: { email: $v, password: "whatever-it-is-1" }) { accessToken } }`,
        'input.email',
      ],
      [
        'register',
        `mutation ($v: String!) { register(input: { email: $v, password: "a-long-test-passphrase-7", fullName: "N" }) { email } }`,
        'input.email',
      ],
    ])('%s refuses a lone surrogate in the email, naming it', async (_name, query, field) => {
      expectRefused(await t.gql(query, { v: `${lone}@example.org` }), field);
    });
    it('declareConflictOfInterest refuses a lone surrogate in the details', async () => {
      const result = await t.gql(
        `mutation ($id: ID!, $v: String) { declareConflictOfInterest(input: { applicationId: $id, hasConflict: true, details: $v }) { id } }`,
        { id: application.globalId, v: lone },
        officer.token,
      );
      expectRefused(result, 'input.details');
    });
    it('keeps well-formed text from every plane', async () => {
      const result = await t.gql(`query ($v: String!) { search(query: $v) { totalCount } }`, { v: 'café 👩🏽‍🍳 ਪੰਜਾਬੀ' });
      expect(result.errors).toBeUndefined();
    });
  });

  describe('explicit null for optional inputs', () => {
    it('grantsReport takes a null filter, and a null list inside it, as no filter', async () => {
      for (const filter of [null, { financialYears: null }]) {
        const result = await t.gql(
          `query ($f: GrantsReportFilter) { grantsReport(filter: $f) { totals { applications } } }`,
          { f: filter },
          officer.token,
        );
        expect(result.errors).toBeUndefined();
      }
    });
    it('markNotificationsRead takes null ids as none given', async () => {
      const none = await t.gql(
        `mutation { markNotificationsRead(input: { all: false, ids: null }) }`,
        {},
        member.token,
      );
      expectRefused(none, 'input.ids');
      const all = await t.gql(`mutation { markNotificationsRead(input: { all: true, ids: null }) }`, {}, member.token);
      expect(all.errors).toBeUndefined();
      expect(all.data.markNotificationsRead).toBe(0);
    });
    it('a nested page size of null is the default, never text in SQL', async () => {
      const result = await t.gql(
        `query ($id: ID!) { node(id: $id) { ... on Organisation { services(first: null) { totalCount edges { node { name } } } } } }`,
        { id: organisation.globalId },
      );
      expect(result.errors).toBeUndefined();
      expect(result.data.node).toMatchObject({ services: { totalCount: 1 } });
      const top = await t.gql(`{ organisations(first: null) { edges { node { name } } } }`);
      expect(top.errors).toBeUndefined();
    });
  });

  describe('node(id:)', () => {
    it('resolves funds, rounds and applications for whoever may see them', async () => {
      const query = `query ($id: ID!) { node(id: $id) { __typename id } }`;
      for (const node of [fund, round, application]) {
        const result = await t.gql<{ node: { id: string } | null }>(query, { id: node.globalId }, officer.token);
        expect(result.errors).toBeUndefined();
        expect(result.data.node?.id).toBe(node.globalId);
      }
      // A fund is no member's business: null, as for an unknown id.
      const hidden = await t.gql<{ node: unknown }>(query, { id: application.globalId }, member.token);
      expect(hidden.errors).toBeUndefined();
      expect(hidden.data.node).toBeNull();
      const unknown = await t.gql<{ node: unknown }>(
        query,
        { id: toGlobalId('GrantApplication', '0b0c5f1e-2f0e-4b8e-9a7e-6f3d2c1b0a99') },
        officer.token,
      );
      expect(unknown.data.node).toBeNull();
    });
  });

  it('refuses a subscription as the caller’s mistake', async () => {
    const result = await t.gql(`subscription { me { id } }`);
    expect(result.status).toBe(400);
    expect(result.errors?.[0].extensions?.code).not.toBe('INTERNAL_SERVER_ERROR');
  });

  it('anonymous search for people answers (with nobody), whatever the filter', async () => {
    for (const filter of [{ kinds: ['PRACTITIONER'] }, { openToIntroductions: true }]) {
      const result = await t.gql(
        `query ($f: SearchFilter) { search(query: "hate crime", filter: $f) { totalCount } }`,
        { f: filter },
      );
      expect(result.errors).toBeUndefined();
      expect(result.data.search).toEqual({ totalCount: 0 });
    }
  });
});
