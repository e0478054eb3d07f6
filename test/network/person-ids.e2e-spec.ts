import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { getNamedType, isInputObjectType, type GraphQLSchema } from 'graphql';
import { toGlobalId } from '@cohesion/common';
import {
  connect,
  createPractitioner,
  createTestApp,
  type GqlResult,
  type TestApp,
  type TestPractitioner,
} from '@cohesion/testing';

const MESSAGE = 'We both run youth forums in Walsall; could we compare notes?';

/**
 * Every operation that takes a person's id answers an id the caller may not see (an
 * undiscoverable profile, someone who blocked them) exactly as it answers an id that
 * does not exist: same data, same code, same message. Anything else tells the caller
 * that the profile exists.
 */
describe('person ids: a profile you may not see answers like one that does not exist', () => {
  let t: TestApp;
  let me: TestPractitioner;
  let stranger: TestPractitioner;

  beforeAll(async () => {
    t = await createTestApp();
    me = await createPractitioner(t, { fullName: 'Ids Viewer' });
    stranger = await createPractitioner(t, { fullName: 'Ids Stranger' });
  });
  afterAll(async () => {
    await t.close();
  });

  /** Each operation with a person id, called with `id` there (everything else valid). */
  const CASES: Record<string, (id: string) => Promise<GqlResult<unknown>>> = {
    'blockPractitioner.practitionerId': (id) =>
      t.gql(`mutation ($id: ID!) { blockPractitioner(practitionerId: $id) }`, { id }, me.token),
    'unblockPractitioner.practitionerId': (id) =>
      t.gql(`mutation ($id: ID!) { unblockPractitioner(practitionerId: $id) }`, { id }, me.token),
    'removeConnection.practitionerId': (id) =>
      t.gql(`mutation ($id: ID!) { removeConnection(practitionerId: $id) }`, { id }, me.token),
    'requestIntroduction.input.to': (id) =>
      t.gql(
        `mutation ($input: RequestIntroductionInput!) { requestIntroduction(input: $input) { id } }`,
        { input: { to: id, message: MESSAGE } },
        me.token,
      ),
    'requestIntroduction.input.via': (id) =>
      t.gql(
        `mutation ($input: RequestIntroductionInput!) { requestIntroduction(input: $input) { id } }`,
        { input: { to: stranger.globalId, via: id, message: MESSAGE } },
        me.token,
      ),
    'introductionPath.to': (id) => t.gql(`query ($id: ID!) { introductionPath(to: $id) { hops } }`, { id }, me.token),
    'network.around': (id) => t.gql(`query ($id: ID!) { network(around: $id) { truncated } }`, { id }, me.token),
    'practitioner.id': (id) => t.gql(`query ($id: ID!) { practitioner(id: $id) { fullName } }`, { id }, me.token),
    'node.id': (id) => t.gql(`query ($id: ID!) { node(id: $id) { id } }`, { id }, me.token),
    'reportMisuse.input.practitionerId': (id) =>
      t.gql(
        `mutation ($input: ReportMisuseInput!) { reportMisuse(input: $input) { received } }`,
        { input: { practitionerId: id, reason: 'IMPERSONATION' } },
        me.token,
      ),
  };

  /** Person ids that only platform admins pass, who may see every account. */
  const ADMIN_ONLY = [
    'grantRole.input.practitionerId',
    'revokeRole.input.practitionerId',
    'suspendAccount.accountId',
    'liftSuspension.accountId',
  ];

  /** Every argument (or input field) of a root field that takes a person's id, read from the schema. */
  function personIdArguments(schema: GraphQLSchema): string[] {
    const found: string[] = [];
    const isPerson = (name: string, description: string | null | undefined) =>
      ['practitionerId', 'to', 'via', 'around'].includes(name) || /practitioner/i.test(description ?? '');
    for (const root of [schema.getQueryType(), schema.getMutationType()]) {
      for (const field of Object.values(root?.getFields() ?? {})) {
        for (const arg of field.args) {
          const type = getNamedType(arg.type);
          if (
            type.name === 'ID' &&
            (isPerson(arg.name, arg.description) || ['practitioner', 'node'].includes(field.name))
          )
            found.push(`${field.name}.${arg.name}`);
          if (!isInputObjectType(type)) continue;
          for (const inner of Object.values(type.getFields())) {
            if (getNamedType(inner.type).name === 'ID' && isPerson(inner.name, inner.description)) {
              found.push(`${field.name}.${arg.name}.${inner.name}`);
            }
          }
        }
      }
    }
    return found.sort();
  }

  function answer(result: GqlResult<unknown>) {
    return {
      data: result.data,
      errors: result.errors?.map((error) => ({
        message: error.message,
        code: error.extensions?.code,
        fields: error.extensions?.fields,
      })),
    };
  }

  it('covers every operation of the schema that takes a person id', () => {
    const schema = t.app.get(GraphQLSchemaHost).schema;
    expect(personIdArguments(schema)).toEqual([...Object.keys(CASES), ...ADMIN_ONLY].sort());
  });

  it.each(Object.keys(CASES))('%s: undiscoverable, blocking you and made-up ids answer alike', async (name) => {
    const hidden = await createPractitioner(t, { fullName: 'Ids Hidden', discoverable: false });
    const blocking = await createPractitioner(t, { fullName: 'Ids Blocking' });
    await t.db.query('INSERT INTO practitioner_blocks (blocker_id, blocked_id) VALUES ($1, $2)', [blocking.id, me.id]);
    // Both known to the stranger, so a request through them fails only on who they are to the viewer.
    await connect(t, hidden.id, stranger.id);
    await connect(t, blocking.id, stranger.id);
    const madeUp = answer(await CASES[name](toGlobalId('Practitioner', randomUUID())));
    expect(answer(await CASES[name](hidden.globalId))).toEqual(madeUp);
    expect(answer(await CASES[name](blocking.globalId))).toEqual(madeUp);
    // Nothing was written about either of them.
    const [{ count }] = await t.db.query<{ count: number }[]>(
      `SELECT count(*)::int AS count FROM practitioner_blocks WHERE blocker_id = $1 AND blocked_id = ANY($2::uuid[])`,
      [me.id, [hidden.id, blocking.id]],
    );
    expect(count).toBe(0);
  });
});
