import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { toGlobalId } from '@cohesion/common';
import {
  auditOf,
  connect,
  createAdmin,
  createPractitioner,
  createTestApp,
  errorCode,
  errorFields,
  TEST_PASSWORD,
  type TestApp,
  type TestPractitioner,
} from '@cohesion/testing';

const SUSPEND = `mutation S($accountId: ID!, $reason: String!) {
  suspendAccount(accountId: $accountId, reason: $reason) { accountId suspended suspendedAt }
}`;
const LIFT = `mutation L($accountId: ID!) { liftSuspension(accountId: $accountId) { accountId suspended suspendedAt } }`;
const LOGIN = `mutation Login($input: LoginInput!) { login(input: $input) { accessToken refreshToken } }`;
const REFRESH = `mutation R($input: RefreshTokenInput!) { refreshToken(input: $input) { accessToken } }`;
const ME = `query { me { email } }`;
const SEEN = `query Seen($id: ID!, $name: String, $friend: ID!) {
  search(query: $name) { edges { node { ... on Practitioner { id } } } }
  network(around: $friend) { nodes { id } }
  suggestedPeers(first: 50) { practitioner { id } }
  introductionPath(to: $id) { hops }
}`;
const PROFILE = `query P($id: ID!) { practitioner(id: $id) { fullName } }`;

interface Seen {
  search: { edges: { node: { id?: string } }[] };
  network: { nodes: { id: string }[] };
  suggestedPeers: { practitioner: { id: string } | null }[];
  introductionPath: { hops: number } | null;
}

type Suspension = { accountId: string; suspended: boolean; suspendedAt: string | null };

describe('suspending an account (suspendAccount, liftSuspension)', () => {
  let t: TestApp;
  let admin: TestPractitioner;
  let member: TestPractitioner;
  let suspect: TestPractitioner;
  let friend: TestPractitioner;

  /** Where `member` finds the suspect: search, the graph, suggestions, a path, their profile. */
  async function whereSeen(): Promise<string[]> {
    const result = await t.gql<Seen>(
      SEEN,
      { id: suspect.globalId, name: 'Suspension Suspect', friend: friend.globalId },
      member.token,
    );
    // A path to someone you may not see answers NOT_FOUND, as for an id that does not exist.
    for (const error of result.errors ?? [])
      expect([error.path, error.extensions?.code]).toEqual([['introductionPath'], 'NOT_FOUND']);
    const places: string[] = [];
    if (result.data.search.edges.some((edge) => edge.node.id === suspect.globalId)) places.push('search');
    if (result.data.network.nodes.some((node) => node.id === suspect.globalId)) places.push('graph');
    if (result.data.suggestedPeers.some((peer) => peer.practitioner?.id === suspect.globalId))
      places.push('suggestions');
    if (result.data.introductionPath) places.push('path');
    const profile = await t.gql(PROFILE, { id: suspect.globalId }, member.token);
    if (!profile.errors) places.push('profile');
    else expect(errorCode(profile)).toBe('NOT_FOUND');
    return places;
  }

  const login = (who: TestPractitioner) =>
    t.gql<{ login: { accessToken: string; refreshToken: string } }>(LOGIN, {
      input: { email: who.email, password: TEST_PASSWORD },
    });

  beforeAll(async () => {
    t = await createTestApp();
    admin = await createAdmin(t, { fullName: 'Suspension Admin' });
    member = await createPractitioner(t, { fullName: 'Suspension Member' });
    suspect = await createPractitioner(t, { fullName: 'Suspension Suspect' });
    friend = await createPractitioner(t, { fullName: 'Suspension Friend' });
    await connect(t, member.id, friend.id);
    await connect(t, friend.id, suspect.id);
  });
  afterAll(async () => {
    await t.close();
  });

  it('refuses anyone not signed in, and anyone not a platform admin', async () => {
    const variables = { accountId: suspect.globalId, reason: 'Impersonating a council officer' };
    expect(errorCode(await t.gql(SUSPEND, variables))).toBe('UNAUTHENTICATED');
    expect(errorCode(await t.gql(SUSPEND, variables, member.token))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(LIFT, { accountId: suspect.globalId }))).toBe('UNAUTHENTICATED');
    expect(errorCode(await t.gql(LIFT, { accountId: suspect.globalId }, member.token))).toBe('FORBIDDEN');
  });

  it('names the field for bad input', async () => {
    expect(errorFields(await t.gql(SUSPEND, { accountId: suspect.globalId, reason: '  ' }, admin.token))).toEqual([
      'reason',
    ]);
    const long = await t.gql(SUSPEND, { accountId: suspect.globalId, reason: 'x'.repeat(501) }, admin.token);
    expect(errorFields(long)).toEqual(['reason']);
    const notAnAccount = toGlobalId('Organisation', suspect.id);
    expect(errorFields(await t.gql(SUSPEND, { accountId: notAnAccount, reason: 'Spam' }, admin.token))).toEqual([
      'accountId',
    ]);
    expect(errorFields(await t.gql(SUSPEND, { accountId: admin.globalId, reason: 'Spam' }, admin.token))).toEqual([
      'accountId',
    ]);
    const unknown = toGlobalId('Account', '00000000-0000-4000-8000-000000000000');
    expect(errorCode(await t.gql(SUSPEND, { accountId: unknown, reason: 'Spam' }, admin.token))).toBe('NOT_FOUND');
    expect(errorCode(await t.gql(LIFT, { accountId: suspect.globalId }, admin.token))).toBe('CONFLICT');
  });

  it('suspends: every session ends at once, sign-in and refresh are refused with a clear message, audited', async () => {
    expect(await whereSeen()).toEqual(['search', 'graph', 'suggestions', 'path', 'profile']);
    const session = await login(suspect);
    expect(session.errors).toBeUndefined();
    const { accessToken, refreshToken } = session.data.login;

    const result = await t.gql<{ suspendAccount: Suspension }>(
      SUSPEND,
      { accountId: suspect.globalId, reason: 'Impersonating a council officer' },
      admin.token,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data.suspendAccount).toMatchObject({
      accountId: toGlobalId('Account', suspect.id),
      suspended: true,
    });
    expect(result.data.suspendAccount.suspendedAt).not.toBeNull();

    expect(await whereSeen()).toEqual([]);
    expect(errorCode(await t.gql(ME, {}, accessToken))).toBe('UNAUTHENTICATED');
    expect(errorCode(await t.gql(ME, {}, suspect.token))).toBe('UNAUTHENTICATED');
    const refused = await login(suspect);
    expect(errorCode(refused)).toBe('UNAUTHENTICATED');
    expect(refused.errors?.[0].message).toMatch(/suspended/);
    const refresh = await t.gql(REFRESH, { input: { refreshToken } });
    expect(errorCode(refresh)).toBe('UNAUTHENTICATED');
    // A wrong password says only what it says for anyone.
    const guess = await t.gql(LOGIN, { input: { email: suspect.email, password: 'a-wrong-passphrase-1' } });
    expect(guess.errors?.[0].message).not.toMatch(/suspended/);

    expect(await auditOf(t, suspect.id)).toEqual([
      {
        action: 'suspend',
        before: { suspended: false },
        after: { suspended: true, reason: 'Impersonating a council officer' },
        actor_account_id: admin.id,
      },
    ]);
    expect(errorCode(await t.gql(SUSPEND, { accountId: suspect.globalId, reason: 'Again' }, admin.token))).toBe(
      'CONFLICT',
    );
  });

  it('lifts the suspension: the person can sign in again, audited', async () => {
    const result = await t.gql<{ liftSuspension: Suspension }>(LIFT, { accountId: suspect.globalId }, admin.token);
    expect(result.errors).toBeUndefined();
    expect(result.data.liftSuspension).toEqual({
      accountId: toGlobalId('Account', suspect.id),
      suspended: false,
      suspendedAt: null,
    });
    expect(await whereSeen()).toEqual(['search', 'graph', 'suggestions', 'path', 'profile']);
    const session = await login(suspect);
    expect(session.errors).toBeUndefined();
    expect((await t.gql(ME, {}, session.data.login.accessToken)).data).toEqual({ me: { email: suspect.email } });
    const trail = await auditOf(t, suspect.id);
    expect(trail.map((entry) => entry.action)).toEqual(['suspend', 'lift-suspension']);
    expect(trail[1]).toMatchObject({ actor_account_id: admin.id, after: { suspended: false } });
  });
});
