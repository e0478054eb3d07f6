import type { Queryable } from '@cohesion/common';
import { Random } from './random.js';

/** A generated practitioner, as the network generator needs them. */
export interface NetworkPerson {
  id: string;
  /** Index of their council. */
  council: number;
  /** Index of the organisation they work at. */
  employer: number;
}

const ORIGINS = ['INTRODUCTION', 'MET_AT_EVENT', 'MET_AT_EVENT', 'WORKED_TOGETHER'] as const;
const BATCH = 20_000;

/** People drawn in proportion to a weight, by binary search over cumulative weights. */
class WeightedPool {
  private readonly cumulative: Float64Array;

  constructor(
    readonly members: number[],
    weights: Float64Array,
  ) {
    this.cumulative = new Float64Array(members.length);
    let total = 0;
    members.forEach((member, index) => {
      total += weights[member];
      this.cumulative[index] = total;
    });
  }

  draw(random: Random): number | undefined {
    if (this.members.length === 0) return undefined;
    const roll = random.next() * this.cumulative[this.cumulative.length - 1];
    let low = 0;
    let high = this.cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.cumulative[middle] < roll) low = middle + 1;
      else high = middle;
    }
    return this.members[low];
  }
}

function groupBy(count: number, keyOf: (index: number) => string): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  for (let index = 0; index < count; index++) {
    const key = keyOf(index);
    const group = groups.get(key);
    if (group) group.push(index);
    else groups.set(key, [index]);
  }
  return groups;
}

/**
 * Connects generated practitioners the way practitioner networks grow: mostly within a
 * council, often with colleagues, sometimes across the region, and by meeting friends of
 * friends (triadic closure), with a few well-connected people (weights from a
 * heavy-tailed distribution). About 2% belong to a separate community with no link to
 * the rest yet, as a council that has just joined would; paths into it are not found.
 * Returns how many connections it made.
 */
export async function generateConnections(
  db: Queryable,
  people: NetworkPerson[],
  options: { connections: number; seed: number; onProgress?: (done: number, total: number) => void },
): Promise<number> {
  const random = new Random(options.seed);
  const count = people.length;
  const separate = people.map(() => random.chance(0.02));
  const weights = new Float64Array(count);
  // Pareto-like (alpha ~ 2.2): most people have a handful of connections, a few have hundreds.
  for (let index = 0; index < count; index++) weights[index] = Math.min(40, (1 - random.next()) ** (-1 / 1.2));

  const community = (index: number) => (separate[index] ? 'new' : 'main');
  const pools = new Map<string, WeightedPool>();
  for (const [key, members] of groupBy(count, (index) => `${community(index)}:${people[index].council}`)) {
    pools.set(key, new WeightedPool(members, weights));
  }
  for (const [key, members] of groupBy(count, community)) pools.set(key, new WeightedPool(members, weights));
  const colleagues = groupBy(count, (index) => `${community(index)}:${people[index].employer}`);
  const everyone = new WeightedPool(
    Array.from({ length: count }, (_, index) => index),
    weights,
  );

  const neighbours: number[][] = Array.from({ length: count }, () => []);
  const seen = new Set<number>();
  let batch: unknown[][] = [];
  let made = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    await db.query(
      `INSERT INTO connections (practitioner_a_id, practitioner_b_id, origin)
       SELECT a, b, o FROM unnest($1::uuid[], $2::uuid[], $3::text[]) AS u(a, b, o)`,
      [batch.map((row) => row[0]), batch.map((row) => row[1]), batch.map((row) => row[2])],
    );
    batch = [];
    options.onProgress?.(made, options.connections);
  };

  for (let attempt = 0; made < options.connections && attempt < options.connections * 4; attempt++) {
    const from = everyone.draw(random) as number;
    const roll = random.next();
    let to: number | undefined;
    if (roll < 0.25 && neighbours[from].length > 0) {
      const friend = random.pick(neighbours[from]);
      if (neighbours[friend].length > 0) to = random.pick(neighbours[friend]);
    } else if (roll < 0.75) {
      to = pools.get(`${community(from)}:${people[from].council}`)?.draw(random);
    } else if (roll < 0.85) {
      to = random.pick(colleagues.get(`${community(from)}:${people[from].employer}`) ?? []);
    } else {
      to = pools.get(community(from))?.draw(random);
    }
    if (to === undefined || to === from || separate[to] !== separate[from]) continue;
    const key = Math.min(from, to) * count + Math.max(from, to);
    if (seen.has(key)) continue;
    seen.add(key);
    neighbours[from].push(to);
    neighbours[to].push(from);
    const [a, b] =
      people[from].id < people[to].id ? [people[from].id, people[to].id] : [people[to].id, people[from].id];
    batch.push([a, b, random.pick(ORIGINS)]);
    made++;
    if (batch.length >= BATCH) await flush();
  }
  await flush();
  return made;
}
