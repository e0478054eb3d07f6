import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Viewer } from '@cohesion/common';
import { NAME_SIMILARITY } from '@cohesion/database';
import { DayOfWeek, SearchService, SearchSort, type SearchRequest } from '@cohesion/directory';
import { createTestApp, termId, type TestApp } from '@cohesion/testing';
import { generateScaleData } from '@cohesion/scale-data';

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  Plans?: PlanNode[];
}

function nodes(plan: PlanNode): PlanNode[] {
  return [plan, ...(plan.Plans ?? []).flatMap(nodes)];
}

/**
 * Plans, not timers: with 10,000 practitioners and services, the main search shapes
 * must reach those tables through their indexes, never by reading them whole.
 */
describe('search query plans at 10,000 rows', () => {
  let t: TestApp;
  let search: SearchService;
  let member: Viewer;
  const shapes: [string, SearchRequest][] = [];

  beforeAll(async () => {
    t = await createTestApp();
    await generateScaleData(t.db, {
      practitioners: 10_000,
      organisations: 2_000,
      services: 10_000,
      seed: 7,
      passwordHash: 'unused',
    });
    search = t.app.get(SearchService);
    const [someone] = await t.db.query<{ id: string }[]>('SELECT id FROM practitioners LIMIT 1');
    member = Viewer.member(someone.id, someone.id, []);
    const youth = await termId(t, 'cohesion-themes', 'youth');
    const [walsall] = await t.db.query<{ id: string }[]>(`SELECT id FROM areas WHERE code = 'E08000030'`);
    shapes.push(
      ['words', { query: 'hate crime', first: 20 }],
      ['a misspelt name', { query: 'Wolverhamton', first: 20 }],
      [
        'words with a theme and a place',
        { query: 'mentoring', filter: { themeIds: [youth.id], areaIds: [walsall.id] }, first: 20 },
      ],
      [
        'words near a postcode, nearest first',
        {
          query: 'esol',
          filter: { near: { postcode: 'WS1', withinMetres: 3000 } },
          sort: SearchSort.NEAREST,
          first: 20,
        },
      ],
      [
        'services for a teenager on Saturdays, free',
        {
          query: 'football',
          filter: { age: 15, dayOfWeek: DayOfWeek.SATURDAY, freeOnly: true, activeOnly: true },
          first: 20,
        },
      ],
    );
    // Generating 22,000 rows on the embedded database takes most of a minute on two busy cores.
  }, 240_000);
  afterAll(async () => {
    await t.close();
  });

  it('holds the rows the check is about', async () => {
    const [counts] = await t.db.query<{ practitioners: number; services: number }[]>(
      'SELECT (SELECT count(*) FROM practitioners)::int AS practitioners, (SELECT count(*) FROM services)::int AS services',
    );
    expect(counts.practitioners).toBeGreaterThanOrEqual(10_000);
    expect(counts.services).toBeGreaterThanOrEqual(10_000);
  });

  it('prunes trigram candidates at the similarity search filters on, on every connection', async () => {
    const settings = await Promise.all(
      [1, 2, 3].map(() =>
        t.db.query<{ threshold: string }[]>("SELECT current_setting('pg_trgm.word_similarity_threshold') AS threshold"),
      ),
    );
    expect(settings.map(([row]) => Number(row.threshold))).toEqual([NAME_SIMILARITY, NAME_SIMILARITY, NAME_SIMILARITY]);
  });

  it.each([0, 1, 2, 3, 4])('never reads practitioners or services whole (shape %i)', async (index) => {
    const [name, request] = shapes[index];
    const [plan] = (await search.explain(member, request)) as { Plan: PlanNode }[];
    const all = nodes(plan.Plan);
    const wholeTableReads = all.filter(
      (node) => node['Node Type'] === 'Seq Scan' && ['practitioners', 'services'].includes(node['Relation Name'] ?? ''),
    );
    expect({ shape: name, wholeTableReads }).toEqual({ shape: name, wholeTableReads: [] });
    const indexes = all.map((node) => node['Index Name']).filter(Boolean);
    expect(indexes.length).toBeGreaterThan(0);
  });
});
