import pg from 'pg';
import { SCALE_PASSWORD } from '@cohesion/scale-data';
import { signIn } from './graphql.js';

/** Everyone within two connections of each person (discoverable people only), with their distance. */
async function ballsOfRadiusTwo(client: pg.Client, ids: string[]): Promise<Map<string, Map<string, number>>> {
  const { rows } = await client.query<{ source: string; id: string; distance: number }>(
    `WITH one AS (
       SELECT s.id AS source, n.id
         FROM unnest($1::uuid[]) AS s(id)
         CROSS JOIN LATERAL (SELECT practitioner_b_id AS id FROM connections WHERE practitioner_a_id = s.id
                             UNION ALL SELECT practitioner_a_id FROM connections WHERE practitioner_b_id = s.id) n
         JOIN practitioners p ON p.id = n.id AND p.discoverable),
     two AS (
       SELECT DISTINCT one.source, n.id
         FROM one
         CROSS JOIN LATERAL (SELECT practitioner_b_id AS id FROM connections WHERE practitioner_a_id = one.id
                             UNION ALL SELECT practitioner_a_id FROM connections WHERE practitioner_b_id = one.id) n
         JOIN practitioners p ON p.id = n.id AND p.discoverable)
     SELECT source, id, 1 AS distance FROM one
     UNION ALL SELECT source, id, 2 FROM two`,
    [ids],
  );
  const balls = new Map<string, Map<string, number>>(ids.map((id) => [id, new Map([[id, 0]])]));
  for (const row of rows) {
    const ball = balls.get(row.source) as Map<string, number>;
    if (!ball.has(row.id) || (ball.get(row.id) as number) > row.distance) ball.set(row.id, row.distance);
  }
  return balls;
}

/** Shortest distance up to 4 (any such path has a midpoint within 2 of both ends), or Infinity. */
function distance(one: Map<string, number>, other: Map<string, number>): number {
  const [small, large] = one.size <= other.size ? [one, other] : [other, one];
  let best = Infinity;
  for (const [id, near] of small) {
    const far = large.get(id);
    if (far !== undefined && near + far < best) best = near + far;
  }
  return best;
}

export interface Pairs {
  callers: string[];
  fourApart: [string, string][];
  beyondFour: [string, string][];
}

/** Callers, and pairs of them with people exactly 4 and more than 4 connections apart. */
export async function findPairs(
  databaseUrl: string,
  size: { sample: number; callers: number },
  log: (line: string) => void,
): Promise<Pairs> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('SELECT setseed(0.42)');
    const { rows } = await client.query<{ id: string }>(
      'SELECT id FROM practitioners WHERE discoverable ORDER BY random() LIMIT $1',
      [size.sample],
    );
    const ids = rows.map((row) => row.id);
    const started = Date.now();
    const balls = await ballsOfRadiusTwo(client, ids);
    const callers = ids.slice(0, size.callers);
    const fourApart: [string, string][] = [];
    const beyondFour: [string, string][] = [];
    for (const caller of callers) {
      let four = 0;
      let beyond = 0;
      for (const other of ids) {
        if (other === caller) continue;
        const apart = distance(balls.get(caller) as Map<string, number>, balls.get(other) as Map<string, number>);
        if (apart === 4 && four < 2) {
          fourApart.push([caller, other]);
          four++;
        } else if (apart === Infinity && beyond < 2) {
          beyondFour.push([caller, other]);
          beyond++;
        }
      }
    }
    log(
      `  pairs from ${size.sample} people in ${((Date.now() - started) / 1000).toFixed(1)} s: ` +
        `${fourApart.length} exactly 4 apart, ${beyondFour.length} more than 4 apart`,
    );
    return { callers, fourApart, beyondFour };
  } finally {
    await client.end();
  }
}

/** Signs every caller in through the API (generated accounts share one password): access tokens by practitioner id. */
export async function signInCallers(url: URL, databaseUrl: string, ids: string[]): Promise<Map<string, string>> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  let emails: Map<string, string>;
  try {
    const { rows } = await client.query<{ id: string; email: string }>(
      'SELECT id, email FROM accounts WHERE id = ANY($1::uuid[])',
      [ids],
    );
    emails = new Map(rows.map((row) => [row.id, row.email]));
  } finally {
    await client.end();
  }
  const tokens = new Map<string, string>();
  for (const id of ids) tokens.set(id, await signIn(url, emails.get(id) as string, SCALE_PASSWORD));
  return tokens;
}
