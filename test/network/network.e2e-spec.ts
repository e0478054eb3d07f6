import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  auditOf,
  connect,
  createArea,
  createOrganisation,
  createPractitioner,
  createTerm,
  createTestApp,
  errorCode,
  errorFields,
  type PractitionerOverrides,
  type TestApp,
  type TestPractitioner,
} from '@cohesion/testing';

const BLOCK = `mutation Block($id: ID!) { blockPractitioner(practitionerId: $id) }`;

describe('the network', () => {
  let t: TestApp;
  let n = 0;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  function person(overrides: PractitionerOverrides = {}): Promise<TestPractitioner> {
    n++;
    return createPractitioner(t, { fullName: `Network Person ${String(n).padStart(3, '0')}`, ...overrides });
  }

  async function block(blocker: TestPractitioner, blocked: TestPractitioner): Promise<void> {
    const result = await t.gql<{ blockPractitioner: boolean }>(BLOCK, { id: blocked.globalId }, blocker.token);
    expect(result.data.blockPractitioner).toBe(true);
  }

  describe('myConnections and removeConnection', () => {
    const MINE = `query Mine($filter: MyConnectionsFilter, $first: Int, $after: String) {
      myConnections(filter: $filter, first: $first, after: $after) {
        totalCount pageInfo { hasNextPage endCursor }
        edges { node { origin since practitioner { fullName connectedToYou } } }
      } }`;
    const REMOVE = `mutation Remove($id: ID!) { removeConnection(practitionerId: $id) }`;

    async function names(who: TestPractitioner, filter?: Record<string, unknown>): Promise<string[]> {
      const result = await t.gql<{ myConnections: { edges: { node: { practitioner: { fullName: string } } }[] } }>(
        MINE,
        { filter, first: 50 },
        who.token,
      );
      expect(result.errors).toBeUndefined();
      return result.data.myConnections.edges.map((edge) => edge.node.practitioner.fullName);
    }

    it('lists the people you are connected with by name, with how and since when, filtered and paged', async () => {
      const county = await createArea(t, { name: 'Connborough' });
      const town = await createArea(t, { kind: 'WARD', name: 'Conntown', parentId: county.id });
      const theme = await createTerm(t, 'cohesion-themes', { name: 'Conn theme' });
      const narrower = await createTerm(t, 'cohesion-themes', { name: 'Conn narrower', parentId: theme.id });
      const organisation = await createOrganisation(t, { name: 'Conn Council' });
      const me = await person();
      const colleague = await person({
        fullName: 'Conn Beatrix',
        memberships: [{ organisationId: organisation.id, startDate: '2020-01-01' }],
      });
      const former = await person({
        fullName: 'Conn Cyril',
        memberships: [{ organisationId: organisation.id, startDate: '2015-01-01', endDate: '2019-12-31' }],
      });
      const local = await person({ fullName: 'Conn Dora', areaIds: [town.id], themeIds: [narrower.id] });
      const hidden = await person({ fullName: 'Conn Hidden', discoverable: false });
      const stranger = await person({ fullName: 'Conn Stranger', areaIds: [town.id] });
      await connect(t, me.id, colleague.id, 'INTRODUCTION');
      await connect(t, me.id, former.id, 'MET_AT_EVENT');
      await connect(t, local.id, me.id);
      await connect(t, me.id, hidden.id);
      void stranger;

      const all = await t.gql<{
        myConnections: {
          totalCount: number;
          edges: {
            node: { origin: string; since: string; practitioner: { fullName: string; connectedToYou: boolean } };
          }[];
        };
      }>(MINE, {}, me.token);
      expect(all.data.myConnections.totalCount).toBe(3); // not the profile that is no longer discoverable
      expect(all.data.myConnections.edges.map((edge) => edge.node)).toEqual([
        {
          origin: 'INTRODUCTION',
          since: expect.any(String),
          practitioner: { fullName: 'Conn Beatrix', connectedToYou: true },
        },
        {
          origin: 'MET_AT_EVENT',
          since: expect.any(String),
          practitioner: { fullName: 'Conn Cyril', connectedToYou: true },
        },
        {
          origin: 'WORKED_TOGETHER',
          since: expect.any(String),
          practitioner: { fullName: 'Conn Dora', connectedToYou: true },
        },
      ]);
      // Connections are mutual: the other side sees it too.
      expect(await names(local)).toEqual([expect.stringMatching(/^Network Person/)]);

      expect(await names(me, { organisationId: organisation.globalId })).toEqual(['Conn Beatrix']);
      expect(await names(me, { areaIds: [county.globalId] })).toEqual(['Conn Dora']);
      expect(await names(me, { themeIds: [theme.globalId] })).toEqual(['Conn Dora']);
      expect(await names(me, { nameContains: 'cyr' })).toEqual(['Conn Cyril']);

      const firstPage = await t.gql<{
        myConnections: { pageInfo: { hasNextPage: boolean; endCursor: string }; edges: unknown[] };
      }>(MINE, { first: 2 }, me.token);
      expect(firstPage.data.myConnections.edges).toHaveLength(2);
      expect(firstPage.data.myConnections.pageInfo.hasNextPage).toBe(true);
      const secondPage = await t.gql<{ myConnections: { edges: { node: { practitioner: { fullName: string } } }[] } }>(
        MINE,
        { first: 2, after: firstPage.data.myConnections.pageInfo.endCursor },
        me.token,
      );
      expect(secondPage.data.myConnections.edges.map((edge) => edge.node.practitioner.fullName)).toEqual(['Conn Dora']);

      const bad = await t.gql(MINE, { filter: { areaIds: [theme.globalId] } }, me.token);
      expect(errorCode(bad)).toBe('BAD_USER_INPUT');
      expect(errorFields(bad)).toContain('filter.areaIds');
      expect(errorCode(await t.gql(MINE, {}))).toBe('UNAUTHENTICATED');
    });

    it('lets either side remove a connection, silently; removing again says there was none', async () => {
      const me = await person();
      const other = await person();
      await connect(t, me.id, other.id);
      const before = await t.db.query<{ count: number }[]>(
        'SELECT count(*)::int AS count FROM notifications WHERE recipient_id = $1',
        [other.id],
      );

      const removed = await t.gql<{ removeConnection: boolean }>(REMOVE, { id: me.globalId }, other.token);
      expect(removed.data.removeConnection).toBe(true);
      expect(await names(me)).toEqual([]);
      expect(await names(other)).toEqual([]);
      const after = await t.db.query<{ count: number }[]>(
        'SELECT count(*)::int AS count FROM notifications WHERE recipient_id IN ($1, $2)',
        [me.id, other.id],
      );
      expect(after[0].count).toBe(before[0].count);
      const [counts] = await t.db.query<{ connections: number }[]>(
        'SELECT coalesce((SELECT connections FROM connection_counts WHERE practitioner_id = $1), 0) AS connections',
        [me.id],
      );
      expect(counts.connections).toBe(0);

      const again = await t.gql<{ removeConnection: boolean }>(REMOVE, { id: other.globalId }, me.token);
      expect(again.data.removeConnection).toBe(false);
      expect(errorFields(await t.gql(REMOVE, { id: 'not-an-id' }, me.token))).toContain('practitionerId');
    });
  });

  describe('suggestedPeers', () => {
    const SUGGESTED = `query Suggested($first: Int) {
      suggestedPeers(first: $first) { score mutualConnections reasons practitioner { fullName } } }`;

    interface Suggestion {
      score: number;
      mutualConnections: number;
      reasons: string[];
      practitioner: { fullName: string };
    }

    async function suggestions(who: TestPractitioner, first = 20): Promise<Suggestion[]> {
      const result = await t.gql<{ suggestedPeers: Suggestion[] }>(SUGGESTED, { first }, who.token);
      expect(result.errors).toBeUndefined();
      return result.data.suggestedPeers;
    }

    it('ranks people by mutual connections (hubs counting less), shared themes and places, with reasons', async () => {
      const place = await createArea(t, { name: 'Suggestwick' });
      const theme = await createTerm(t, 'cohesion-themes', { name: 'Suggest Hate Crime' });
      const me = await person({ areaIds: [place.id], themeIds: [theme.id] });
      const hub = await person({ fullName: 'Sugg Hub' });
      const friend = await person({ fullName: 'Sugg Friend' });
      await connect(t, me.id, hub.id);
      await connect(t, me.id, friend.id);
      // The hub knows many people; the friend few.
      const crowd = await Promise.all([1, 2, 3, 4, 5, 6].map((i) => person({ fullName: `Sugg Crowd ${i}` })));
      for (const member of crowd) await connect(t, hub.id, member.id);
      const both = await person({ fullName: 'Sugg Both' });
      await connect(t, both.id, hub.id);
      await connect(t, both.id, friend.id);
      const viaFriend = await person({ fullName: 'Sugg ViaFriend' });
      await connect(t, viaFriend.id, friend.id);
      const alike = await person({ fullName: 'Sugg Alike', areaIds: [place.id], themeIds: [theme.id] });
      void alike;

      const list = await suggestions(me);
      const order = list.map((s) => s.practitioner.fullName);
      // Two mutual connections beat one; one mutual friend with few connections beats a hub with many.
      expect(order.indexOf('Sugg Both')).toBeLessThan(order.indexOf('Sugg ViaFriend'));
      expect(order.indexOf('Sugg ViaFriend')).toBeLessThan(order.indexOf('Sugg Crowd 1'));
      expect(list.find((s) => s.practitioner.fullName === 'Sugg Both')).toMatchObject({
        mutualConnections: 2,
        reasons: ['2 mutual connections'],
      });
      expect(list.find((s) => s.practitioner.fullName === 'Sugg Crowd 1')?.reasons).toEqual(['1 mutual connection']);
      expect(list.find((s) => s.practitioner.fullName === 'Sugg Alike')).toMatchObject({
        mutualConnections: 0,
        reasons: ['Also works on suggest hate crime in Suggestwick'],
      });
      // Sharing someone's exact themes and places counts as much as a couple of mutual connections.
      expect(order.slice(0, 2).sort()).toEqual(['Sugg Alike', 'Sugg Both']);
      // Never yourself or someone you are already connected with.
      expect(order).not.toContain('Sugg Hub');
      expect(order).not.toContain('Sugg Friend');
      expect(list.every((s, i) => i === 0 || s.score <= list[i - 1].score)).toBe(true);
      expect(await suggestions(me, 2)).toHaveLength(2);
    });

    it('leaves out people who are not discoverable or are blocked either way', async () => {
      const me = await person();
      const friend = await person();
      await connect(t, me.id, friend.id);
      const hidden = await person({ fullName: 'Sugg Hidden', discoverable: false });
      const blockedByMe = await person({ fullName: 'Sugg BlockedByMe' });
      const blockingMe = await person({ fullName: 'Sugg BlockingMe' });
      const fine = await person({ fullName: 'Sugg Fine' });
      for (const other of [hidden, blockedByMe, blockingMe, fine]) await connect(t, friend.id, other.id);
      expect((await suggestions(me)).map((s) => s.practitioner.fullName).sort()).toEqual([
        'Sugg BlockedByMe',
        'Sugg BlockingMe',
        'Sugg Fine',
      ]);
      await block(me, blockedByMe);
      await block(blockingMe, me);
      expect((await suggestions(me)).map((s) => s.practitioner.fullName)).toEqual(['Sugg Fine']);
      // And the blocked person is not offered the blocker either.
      expect((await suggestions(blockedByMe)).map((s) => s.practitioner.fullName)).not.toContain(
        (await t.db.query<{ full_name: string }[]>('SELECT full_name FROM practitioners WHERE id = $1', [me.id]))[0]
          .full_name,
      );
    });

    it('counts as mutual only the connections you may see, as myConnections lists them', async () => {
      const carol = await person();
      const bob = await person({ fullName: 'Mutual Bob' });
      const hidden = await person({ fullName: 'Mutual Hidden', discoverable: false });
      const blocked = await person({ fullName: 'Mutual Blocked' });
      const alice = await person({ fullName: 'Mutual Alice' });
      const onlyHidden = await person({ fullName: 'Mutual OnlyHidden' });
      await block(carol, blocked);
      // A connection recorded despite the block (as an import or an old record could).
      for (const other of [bob, hidden, blocked]) await connect(t, carol.id, other.id);
      for (const other of [bob, hidden, blocked]) await connect(t, alice.id, other.id);
      for (const other of [hidden, blocked]) await connect(t, onlyHidden.id, other.id);

      const listed = await t.gql<{ myConnections: { totalCount: number } }>(
        `query { myConnections(first: 50) { totalCount } }`,
        {},
        carol.token,
      );
      expect(listed.data.myConnections.totalCount).toBe(1);
      const list = await suggestions(carol);
      expect(list.find((s) => s.practitioner.fullName === 'Mutual Alice')).toMatchObject({
        mutualConnections: 1,
        reasons: ['1 mutual connection'],
      });
      // Someone known only through people hidden from you is not suggested through them.
      expect(list.map((s) => s.practitioner.fullName)).not.toContain('Mutual OnlyHidden');
    });

    it('checks its bounds and needs a practitioner', async () => {
      const me = await person();
      const result = await t.gql(SUGGESTED, { first: 51 }, me.token);
      expect(errorCode(result)).toBe('BAD_USER_INPUT');
      expect(errorFields(result)).toContain('first');
      expect(errorCode(await t.gql(SUGGESTED, { first: 5 }))).toBe('UNAUTHENTICATED');
    });
  });

  describe('introductionPath', () => {
    const PATH = `query Path($to: ID!, $maxHops: Int) {
      introductionPath(to: $to, maxHops: $maxHops) { hops practitioners { id fullName } } }`;

    interface Path {
      hops: number;
      practitioners: { id: string; fullName: string }[];
    }

    async function path(from: TestPractitioner, to: TestPractitioner, maxHops?: number): Promise<Path | null> {
      const result = await t.gql<{ introductionPath: Path | null }>(PATH, { to: to.globalId, maxHops }, from.token);
      expect(result.errors).toBeUndefined();
      return result.data.introductionPath;
    }

    /** A chain of `length` connections from `from`, returning everyone on it after `from`. */
    async function chainFrom(from: TestPractitioner, length: number): Promise<TestPractitioner[]> {
      const people: TestPractitioner[] = [];
      let previous = from;
      for (let i = 0; i < length; i++) {
        const next = await person();
        await connect(t, previous.id, next.id);
        people.push(next);
        previous = next;
      }
      return people;
    }

    it('finds the shortest chain up to 4 hops, from you to them, and nothing beyond maxHops', async () => {
      const me = await person();
      const [a, b, c, d, e] = await chainFrom(me, 5);
      const four = await path(me, d);
      expect(four?.hops).toBe(4);
      expect(four?.practitioners.map((p) => p.id)).toEqual([me, a, b, c, d].map((p) => p.globalId));
      expect(await path(me, d, 3)).toBeNull();
      expect(await path(me, e)).toBeNull(); // 5 hops: beyond the limit
      expect((await path(me, a))?.hops).toBe(1);
      expect((await path(d, me))?.practitioners.map((p) => p.id)).toEqual([d, c, b, a, me].map((p) => p.globalId));

      // A shortcut wins.
      const shortcut = await person();
      await connect(t, me.id, shortcut.id);
      await connect(t, shortcut.id, d.id);
      expect(await path(me, d)).toMatchObject({
        hops: 2,
        practitioners: [{ id: me.globalId }, { id: shortcut.globalId }, { id: d.globalId }],
      });
    });

    it('steps only through people you may see: not through the undiscoverable or anyone blocked either way', async () => {
      const me = await person();
      const target = await person();
      const hidden = await person({ discoverable: false });
      await connect(t, me.id, hidden.id);
      await connect(t, hidden.id, target.id);
      expect(await path(me, target)).toBeNull();

      const blocker = await person();
      await connect(t, me.id, blocker.id);
      await connect(t, blocker.id, target.id);
      expect((await path(me, target))?.hops).toBe(2);
      await block(blocker, me);
      expect(await path(me, target)).toBeNull();

      const other = await person();
      await connect(t, me.id, other.id);
      await connect(t, other.id, target.id);
      expect((await path(me, target))?.hops).toBe(2);
      await block(me, other);
      expect(await path(me, target)).toBeNull();

      // A target who blocked you, or who cannot be seen, is not found at all.
      await block(target, me);
      expect(errorCode(await t.gql(PATH, { to: target.globalId }, me.token))).toBe('NOT_FOUND');
      expect(errorCode(await t.gql(PATH, { to: hidden.globalId }, me.token))).toBe('NOT_FOUND');
    });

    it('checks its input', async () => {
      const me = await person();
      const other = await person();
      for (const maxHops of [0, 5]) {
        const result = await t.gql(PATH, { to: other.globalId, maxHops }, me.token);
        expect(errorCode(result)).toBe('BAD_USER_INPUT');
        expect(errorFields(result)).toContain('maxHops');
      }
      expect(errorFields(await t.gql(PATH, { to: 'nope' }, me.token))).toContain('to');
      expect(errorCode(await t.gql(PATH, { to: me.globalId }, me.token))).toBe('BAD_USER_INPUT');
      expect(errorCode(await t.gql(PATH, { to: other.globalId }))).toBe('UNAUTHENTICATED');
    });
  });

  describe('network graph and partnerships', () => {
    const GRAPH = `query Graph($around: ID!, $depth: Int, $maxNodes: Int) {
      network(around: $around, depth: $depth, maxNodes: $maxNodes) {
        truncated
        nodes { id kind label depth practitioner { fullName } organisation { name } }
        edges { source target kind }
      } }`;
    const PROPOSE = `mutation Propose($input: ProposePartnershipInput!) {
      proposePartnership(input: $input) { id kind confirmed canConfirm organisation { name } partner { name } } }`;
    const CONFIRM = `mutation Confirm($id: ID!) { confirmPartnership(id: $id) { id confirmed confirmedAt canConfirm } }`;
    const END = `mutation End($id: ID!) { endPartnership(id: $id) }`;
    const PARTNERSHIPS = `query Org($id: ID!) { organisation(id: $id) { partnerships { id kind confirmed organisation { name } partner { name } } } }`;

    interface Graph {
      truncated: boolean;
      nodes: { id: string; kind: string; label: string; depth: number; practitioner: unknown; organisation: unknown }[];
      edges: { source: string; target: string; kind: string }[];
    }

    async function graph(who: TestPractitioner, around: string, depth?: number, maxNodes?: number): Promise<Graph> {
      const result = await t.gql<{ network: Graph }>(GRAPH, { around, depth, maxNodes }, who.token);
      expect(result.errors).toBeUndefined();
      return result.data.network;
    }

    it('draws people, their organisations and the links between them, to the depth asked', async () => {
      const organisation = await createOrganisation(t, { name: 'Graph Council' });
      const me = await person({
        fullName: 'Graph Me',
        memberships: [{ organisationId: organisation.id, startDate: '2021-01-01' }],
      });
      // Everyone in the network works somewhere confirmed: the friends at a trust two steps away.
      const trust = await createOrganisation(t, { name: 'Graph Trust' });
      const friend = await person({ fullName: 'Graph Friend', memberships: [{ organisationId: trust.id }] });
      const colleague = await person({
        fullName: 'Graph Colleague',
        memberships: [{ organisationId: organisation.id, startDate: '2021-01-01' }],
      });
      const friendOfFriend = await person({ fullName: 'Graph FoF', memberships: [{ organisationId: trust.id }] });
      const hidden = await person({ fullName: 'Graph Hidden', discoverable: false });
      const blocked = await person({ fullName: 'Graph Blocked' });
      await connect(t, me.id, friend.id);
      await connect(t, friend.id, friendOfFriend.id);
      await connect(t, friend.id, colleague.id);
      await connect(t, me.id, hidden.id);
      await connect(t, friend.id, blocked.id);
      await block(blocked, me);

      const one = await graph(me, me.globalId);
      expect(one.truncated).toBe(false);
      expect(one.nodes.map((node) => [node.label, node.kind, node.depth])).toEqual([
        ['Graph Me', 'PRACTITIONER', 0],
        ['Graph Council', 'ORGANISATION', 1],
        ['Graph Friend', 'PRACTITIONER', 1],
      ]);
      expect(one.nodes[1].organisation).toEqual({ name: 'Graph Council' });
      expect(one.nodes[2].practitioner).toEqual({ fullName: 'Graph Friend' });
      expect(one.edges).toEqual(
        expect.arrayContaining([
          { source: expect.any(String), target: expect.any(String), kind: 'CONNECTED' },
          { source: me.globalId, target: organisation.globalId, kind: 'WORKS_AT' },
        ]),
      );
      expect(one.edges).toHaveLength(2);

      const two = await graph(me, me.globalId, 2);
      expect(two.nodes.map((node) => node.label).sort()).toEqual([
        'Graph Colleague',
        'Graph Council',
        'Graph FoF',
        'Graph Friend',
        'Graph Me',
        'Graph Trust',
      ]);
      // Every edge among the nodes: the colleague works at the council and knows the friend, who works at the trust.
      const kinds = two.edges.map((edge) => edge.kind).sort();
      expect(kinds).toEqual(['CONNECTED', 'CONNECTED', 'CONNECTED', 'WORKS_AT', 'WORKS_AT', 'WORKS_AT', 'WORKS_AT']);
      const ids = new Set(two.nodes.map((node) => node.id));
      expect(two.edges.every((edge) => ids.has(edge.source) && ids.has(edge.target))).toBe(true);

      const capped = await graph(me, me.globalId, 2, 3);
      expect(capped.truncated).toBe(true);
      expect(capped.nodes).toHaveLength(3);

      // Around the organisation: its people.
      const around = await graph(friend, organisation.globalId);
      expect(around.nodes.map((node) => node.label).sort()).toEqual(['Graph Colleague', 'Graph Council', 'Graph Me']);
      // Around someone who blocked you: not found.
      expect(errorCode(await t.gql(GRAPH, { around: blocked.globalId }, me.token))).toBe('NOT_FOUND');
    });

    it('checks its input', async () => {
      const me = await person();
      const area = await createArea(t);
      const tooDeep = await t.gql(GRAPH, { around: me.globalId, depth: 3 }, me.token);
      expect(errorCode(tooDeep)).toBe('BAD_USER_INPUT');
      expect(errorFields(tooDeep)).toContain('depth');
      expect(errorFields(await t.gql(GRAPH, { around: me.globalId, maxNodes: 501 }, me.token))).toContain('maxNodes');
      expect(errorFields(await t.gql(GRAPH, { around: area.globalId }, me.token))).toContain('around');
      expect(errorCode(await t.gql(GRAPH, { around: me.globalId }))).toBe('UNAUTHENTICATED');
    });

    it('links organisations once an admin of each side agrees; either side can end it', async () => {
      const ours = await createOrganisation(t, { name: 'Partner Alpha' });
      const theirs = await createOrganisation(t, { name: 'Partner Beta' });
      const ourAdmin = await person({ roles: [{ role: 'ORG_ADMIN', organisationId: ours.id }] });
      const theirAdmin = await person({
        roles: [{ role: 'ORG_ADMIN', organisationId: theirs.id }],
        memberships: [{ organisationId: theirs.id, startDate: '2022-01-01' }],
      });
      const member = await person();
      const input = { organisationId: ours.globalId, partnerId: theirs.globalId, kind: 'PARTNERS_WITH' };

      expect(errorCode(await t.gql(PROPOSE, { input }, member.token))).toBe('FORBIDDEN');
      expect(errorCode(await t.gql(PROPOSE, { input: { ...input, partnerId: ours.globalId } }, ourAdmin.token))).toBe(
        'BAD_USER_INPUT',
      );
      const proposed = await t.gql<{
        proposePartnership: { id: string; confirmed: boolean; canConfirm: boolean };
      }>(PROPOSE, { input }, ourAdmin.token);
      expect(proposed.data.proposePartnership).toMatchObject({
        kind: 'PARTNERS_WITH',
        confirmed: false,
        canConfirm: false,
        organisation: { name: 'Partner Alpha' },
        partner: { name: 'Partner Beta' },
      });
      const id = proposed.data.proposePartnership.id;
      const [notice] = await t.db.query<{ kind: string; subject: string }[]>(
        'SELECT kind, subject FROM notifications WHERE recipient_id = $1',
        [theirAdmin.id],
      );
      expect(notice).toEqual({ kind: 'PARTNERSHIP_PROPOSED', subject: expect.stringContaining('Partner Alpha') });

      // One link per pair and kind, whichever side asks.
      const reverse = { organisationId: theirs.globalId, partnerId: ours.globalId, kind: 'PARTNERS_WITH' };
      expect(errorCode(await t.gql(PROPOSE, { input: reverse }, theirAdmin.token))).toBe('CONFLICT');

      // Unconfirmed: only the two sides' admins see it, and it is not drawn.
      const seenBy = async (who: TestPractitioner) =>
        (await t.gql<{ organisation: { partnerships: unknown[] } }>(PARTNERSHIPS, { id: ours.globalId }, who.token))
          .data.organisation.partnerships.length;
      expect(await seenBy(member)).toBe(0);
      expect(await seenBy(theirAdmin)).toBe(1);
      expect((await graph(theirAdmin, theirs.globalId)).edges.map((edge) => edge.kind)).not.toContain('PARTNERS_WITH');

      expect(errorCode(await t.gql(CONFIRM, { id }, ourAdmin.token))).toBe('FORBIDDEN');
      expect(errorCode(await t.gql(CONFIRM, { id }, member.token))).toBe('NOT_FOUND');
      const confirmed = await t.gql<{ confirmPartnership: { confirmed: boolean; confirmedAt: string } }>(
        CONFIRM,
        { id },
        theirAdmin.token,
      );
      expect(confirmed.data.confirmPartnership).toMatchObject({ confirmed: true, confirmedAt: expect.any(String) });
      expect(errorCode(await t.gql(CONFIRM, { id }, theirAdmin.token))).toBe('CONFLICT');
      expect(await seenBy(member)).toBe(1);

      const drawn = await graph(member, ours.globalId);
      expect(drawn.nodes.map((node) => node.label)).toEqual(['Partner Alpha', 'Partner Beta']);
      expect(drawn.edges).toEqual([{ source: ours.globalId, target: theirs.globalId, kind: 'PARTNERS_WITH' }]);
      const node = await t.gql<{ node: { confirmed: boolean } | null }>(
        `query Node($id: ID!) { node(id: $id) { ... on Partnership { confirmed } } }`,
        { id },
        member.token,
      );
      expect(node.data.node).toEqual({ confirmed: true });

      expect(errorCode(await t.gql(END, { id }, member.token))).toBe('NOT_FOUND');
      expect((await t.gql<{ endPartnership: boolean }>(END, { id }, ourAdmin.token)).data.endPartnership).toBe(true);
      expect(await seenBy(theirAdmin)).toBe(0);
      const uuid = Buffer.from(id, 'base64url').toString().split(':')[1];
      expect((await auditOf(t, uuid)).map((row) => row.action)).toEqual(['propose', 'confirm', 'end']);

      // After it ends, the same two organisations may be asked again only once 30 days have passed.
      const soon = await t.gql(PROPOSE, { input: { ...input, kind: 'MEMBER_OF' } }, ourAdmin.token);
      expect(errorCode(soon)).toBe('CONFLICT');
      expect(soon.errors?.[0].message).toMatch(/ask again from \d{4}-\d{2}-\d{2}/);
      const monthAgo = () =>
        t.db.query(`UPDATE partnership_proposals SET created_at = now() - interval '31 days' WHERE partner_id = $1`, [
          theirs.id,
        ]);
      await monthAgo();
      const member2 = await t.gql(PROPOSE, { input: { ...input, kind: 'MEMBER_OF' } }, ourAdmin.token);
      expect(member2.errors).toBeUndefined();
      await monthAgo();
      expect(errorCode(await t.gql(PROPOSE, { input }, ourAdmin.token))).toBeUndefined();
    });
  });
});
