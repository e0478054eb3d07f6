import { isDeepStrictEqual } from 'node:util';
import pg from 'pg';
import { toGlobalId } from '@cohesion/common';
import { SUGGESTIONS_SQL, suggestionParams } from '@cohesion/network';
import { gql } from './graphql.js';
import { signInCallers, type Pairs } from './network-pairs.js';
import type { HttpRequest } from './rounds.js';
import { uuidOf } from './shapes.js';

/** A network query, ours only, many callers; the floor runs hand-written SQL for each. */
export interface NetworkShape {
  key: string;
  name: string;
  requests: HttpRequest[];
  floor: { sql: string; params: unknown[][] };
  /** Fails unless our answers and the floor's agree for every request; then `checked` says what was compared. */
  check(url: URL, databaseUrl: string): Promise<void>;
  checked: string;
}

const SUGGESTED = `query S { suggestedPeers(first: 10) { score mutualConnections practitioner { id fullName } } }`;
const PATH = `query P($to: ID!) { introductionPath(to: $to, maxHops: 4) { hops practitioners { id fullName } } }`;

/** The suggestions statement the API runs, with the people's names, as one JSON text. */
const SUGGESTIONS_FLOOR = `SELECT coalesce(json_agg(json_build_object('id', s.id, 'score', round(s.score::numeric, 3),
                                   'mutual', s.mutual, 'fullName', p.full_name) ORDER BY s.score DESC, s.id), '[]')::text AS result
                             FROM (${SUGGESTIONS_SQL}) s JOIN practitioners p ON p.id = s.id`;

/** People connected to `of` (an SQL expression), both columns of the pair table. */
const neighbours = (of: string) => `SELECT practitioner_b_id AS id FROM connections WHERE practitioner_a_id = ${of}
                         UNION ALL SELECT practitioner_a_id FROM connections WHERE practitioner_b_id = ${of}`;

/** People connected to `of`, discoverable and not blocked either way by $1. */
const reach = (of: string) => `SELECT n.id FROM (${neighbours(of)}) n
           JOIN practitioners u ON u.id = n.id AND u.discoverable
          WHERE n.id NOT IN (SELECT id FROM hidden)`;

/**
 * The shortest chain (up to 4) from $1 to $2 as one statement: the people one and two
 * steps from each end, met in the middle; each level is read only if the nearer ones
 * did not meet, and only a meeting point is checked for being discoverable. Answers the
 * number of hops (null when there is none within 4).
 */
const PATH_FLOOR = `WITH hidden AS (SELECT blocked_id AS id FROM practitioner_blocks WHERE blocker_id = $1
                             UNION SELECT blocker_id FROM practitioner_blocks WHERE blocked_id = $1),
       a1 AS MATERIALIZED (${reach('$1')}),
       b1 AS MATERIALIZED (${reach('$2')}),
       a2 AS MATERIALIZED (SELECT n.id FROM a1 CROSS JOIN LATERAL (${neighbours('a1.id')}) n),
       b2 AS MATERIALIZED (SELECT n.id FROM b1 CROSS JOIN LATERAL (${neighbours('b1.id')}) n)
  SELECT json_build_object('hops', CASE
           WHEN EXISTS (SELECT 1 FROM a1 WHERE id = $2) THEN 1
           WHEN EXISTS (SELECT 1 FROM a1 JOIN b1 USING (id)) THEN 2
           WHEN EXISTS (SELECT 1 FROM a2 JOIN b1 USING (id)) THEN 3
           WHEN EXISTS (SELECT 1 FROM a2 JOIN b2 USING (id) JOIN practitioners u ON u.id = a2.id AND u.discoverable
                         WHERE a2.id NOT IN (SELECT id FROM hidden)) THEN 4 END)::text AS result`;

async function floorAnswers(databaseUrl: string, sql: string, params: unknown[][]): Promise<unknown[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const answers: unknown[] = [];
    for (const values of params) answers.push(JSON.parse((await client.query(sql, values)).rows[0].result as string));
    return answers;
  } finally {
    await client.end();
  }
}

/** Signs in every caller of `pairs` and builds the suggested-peers and introduction-path shapes. */
export async function networkShapes(url: URL, databaseUrl: string, pairs: Pairs): Promise<NetworkShape[]> {
  const tokens = await signInCallers(url, databaseUrl, pairs.callers);
  const headers = (caller: string) => ({ authorization: `Bearer ${tokens.get(caller) as string}` });

  const suggestionParamsOf = pairs.callers.map((caller) => suggestionParams(caller, 10));
  const suggested: NetworkShape = {
    key: 'suggestedPeers',
    name: `suggested peers: 10 for each of ${pairs.callers.length} members`,
    requests: pairs.callers.map((caller) => ({ body: JSON.stringify({ query: SUGGESTED }), headers: headers(caller) })),
    floor: { sql: SUGGESTIONS_FLOOR, params: suggestionParamsOf },
    checked: '',
    async check(endpoint, database) {
      const floor = await floorAnswers(database, SUGGESTIONS_FLOOR, suggestionParamsOf);
      let count = 0;
      for (const [index, caller] of pairs.callers.entries()) {
        const result = await gql(endpoint, SUGGESTED, {}, tokens.get(caller));
        const list = (result.data?.suggestedPeers ?? []) as {
          score: number;
          mutualConnections: number;
          practitioner: { id: string; fullName: string };
        }[];
        const ours = list.map((peer) => ({
          id: uuidOf(peer.practitioner.id),
          score: peer.score,
          mutual: peer.mutualConnections,
          fullName: peer.practitioner.fullName,
        }));
        if (result.errors || ours.length === 0 || !isDeepStrictEqual(ours, floor[index])) {
          throw new Error(
            `suggestedPeers for ${caller}: ${JSON.stringify(result.errors ?? ours)} vs ${JSON.stringify(floor[index])}`,
          );
        }
        count += ours.length;
      }
      this.checked = `${count} suggestions, same as the floor`;
    },
  };

  const pathParams = pairs.fourApart.map(([from, to]) => [from, to]);
  const path: NetworkShape = {
    key: 'introductionPath',
    name: `introduction path: 4 hops apart (${pairs.fourApart.length} pairs)`,
    requests: pairs.fourApart.map(([from, to]) => ({
      body: JSON.stringify({ query: PATH, variables: { to: toGlobalId('Practitioner', to) } }),
      headers: headers(from),
    })),
    floor: { sql: PATH_FLOOR, params: pathParams },
    checked: '',
    async check(endpoint, database) {
      const floor = (await floorAnswers(database, PATH_FLOOR, pathParams)) as { hops: number | null }[];
      for (const [index, [from, to]] of pairs.fourApart.entries()) {
        const result = await gql(endpoint, PATH, { to: toGlobalId('Practitioner', to) }, tokens.get(from));
        const found = result.data?.introductionPath as { hops: number; practitioners: unknown[] } | null | undefined;
        if (result.errors || found?.hops !== 4 || found.practitioners.length !== 5 || floor[index].hops !== 4) {
          throw new Error(
            `introductionPath ${from} -> ${to}: ${JSON.stringify(result.errors ?? found)}, floor ${JSON.stringify(floor[index])}`,
          );
        }
      }
      this.checked = `${pairs.fourApart.length} paths of 4 hops, as the floor finds`;
    },
  };
  return [suggested, path];
}
