import { createDataSource, runMigrations } from '@cohesion/database';
import { SCHEMA } from '@cohesion/platform';
import { prepareDatabase } from './bench-database.js';

/** A council of the grants benchmark: its funds and how many awards each has made. */
export interface BenchCouncil {
  code: string;
  name: string;
  fundAwards: number[];
}

/** Three councils: 2,500 awards in one fund, 10,000 over two, 40,000 over four. */
export const GRANTS_BENCH_COUNCILS: BenchCouncil[] = [
  { code: 'BSM', name: 'Benchford Council', fundAwards: [2_500] },
  { code: 'BMD', name: 'Benchborough Council', fundAwards: [6_000, 4_000] },
  { code: 'BLG', name: 'Bench City Council', fundAwards: [10_000, 10_000, 10_000, 10_000] },
];
const RECIPIENTS = 5_000;
const WARDS = 20;
const MARKER = 'grants-export:v1:2500/6000+4000/4x10000';

/**
 * The grants benchmark database on the local PostgreSQL server: migrated, then filled
 * with set-based SQL (generate_series), once; later runs reuse it while the marker
 * matches (`fresh` rebuilds it). Besides the awards, each fund has one application in
 * ten that is not an award (declined, in assessment, withdrawn), which must not appear.
 */
export async function ensureGrantsDataset(
  server: string,
  name: string,
  fresh: boolean,
  log: (line: string) => void,
): Promise<string> {
  const { url, reused } = await prepareDatabase(server, name, MARKER, fresh);
  if (reused) {
    log(`Reusing the grants dataset in database ${name}.`);
    return url;
  }

  const started = Date.now();
  const dataSource = createDataSource(SCHEMA, { url, poolSize: 2 });
  await dataSource.initialize();
  try {
    await runMigrations(dataSource);
    await dataSource.transaction(async (db) => {
      await db.query(`CREATE TEMP TABLE bench_district AS SELECT gen_random_uuid() AS id`);
      await db.query(
        `INSERT INTO areas (id, kind, name, code) SELECT id, 'LOCAL_AUTHORITY', 'Benchborough', 'E08000999' FROM bench_district`,
      );
      await db.query(
        `CREATE TEMP TABLE bench_wards AS SELECT n, gen_random_uuid() AS id FROM generate_series(1, ${WARDS}) n`,
      );
      await db.query(
        `INSERT INTO areas (id, parent_id, kind, name, code)
         SELECT w.id, d.id, 'WARD', 'Bench Ward ' || w.n, 'E05' || lpad((990000 + w.n)::text, 6, '0')
           FROM bench_wards w CROSS JOIN bench_district d`,
      );

      await db.query(
        `CREATE TEMP TABLE bench_recipients AS SELECT n, gen_random_uuid() AS id FROM generate_series(1, ${RECIPIENTS}) n`,
      );
      await db.query(
        `INSERT INTO organisations (id, name, kind, verified, visibility, town, postcode)
         SELECT id, 'Bench Community Group ' || n, 'VCS', TRUE,
                CASE WHEN n % 10 = 0 THEN 'MEMBERS' ELSE 'PUBLIC' END,
                'Benchborough', 'WS' || (1 + n % 9) || ' ' || (1 + n % 9) || 'AB'
           FROM bench_recipients`,
      );
      // A quarter each: charity, company, 360G, no identifier at all.
      await db.query(
        `INSERT INTO organisation_identifiers (organisation_id, scheme, identifier)
         SELECT id,
                (ARRAY['GB-CHC', 'GB-COH', '360G'])[1 + n % 4],
                CASE n % 4 WHEN 0 THEN (1000000 + n)::text WHEN 1 THEN lpad(n::text, 8, '0') ELSE 'bench-' || n END
           FROM bench_recipients WHERE n % 4 < 3`,
      );

      const councils = GRANTS_BENCH_COUNCILS.map((council, index) => ({ ...council, index }));
      await db.query(`CREATE TEMP TABLE bench_funds (council_code text, n int, awards int, id uuid, round_id uuid)`);
      for (const council of councils) {
        const [{ id }] = await db.query(
          `INSERT INTO organisations (name, kind, verified, website) VALUES ($1, 'LOCAL_AUTHORITY', TRUE, $2) RETURNING id`,
          [council.name, `https://www.${council.code.toLowerCase()}.gov.uk`],
        );
        await db.query(
          `INSERT INTO organisation_identifiers (organisation_id, scheme, identifier) VALUES ($1, 'GB-LAE', $2)`,
          [id, council.code],
        );
        for (const [n, awards] of council.fundAwards.entries()) {
          const [fund] = await db.query(
            `INSERT INTO grant_funds (owner_organisation_id, name, programme_code, financial_year, budget_pence, grant_id_prefix)
             VALUES ($1, $2, $3, $4, 1000000000000, $5) RETURNING id`,
            [
              id,
              `${council.name} Cohesion Fund ${n + 1}`,
              `${council.code}${n + 1}`,
              `${2023 + n}-${24 + n}`,
              `360G-bench${council.code.toLowerCase()}`,
            ],
          );
          const [round] = await db.query(
            `INSERT INTO grant_rounds (fund_id, name, opens_at, closes_at, min_award_pence, max_award_pence)
             VALUES ($1, 'Round 1', '2025-01-01', '2025-03-31', 10000, 1000000) RETURNING id`,
            [fund.id],
          );
          await db.query(`INSERT INTO bench_funds VALUES ($1, $2, $3, $4, $5)`, [
            council.code,
            n,
            awards,
            fund.id,
            round.id,
          ]);
        }
      }

      await db.query(
        `CREATE TEMP TABLE bench_apps AS
         SELECT gen_random_uuid() AS id, f.id AS fund_id, f.round_id, g,
                r.id AS organisation_id,
                CASE WHEN g > f.awards THEN (ARRAY['DECLINED', 'IN_ASSESSMENT', 'WITHDRAWN'])[1 + g % 3]
                     ELSE (ARRAY['AWARDED', 'ACTIVE', 'COMPLETED', 'CLOSED_EARLY'])[1 + g % 4] END AS status,
                50000 + (g % 40) * 5000 AS requested,
                DATE '2025-04-01' + (g % 300) AS award_day
           FROM bench_funds f
           CROSS JOIN LATERAL generate_series(1, f.awards + f.awards / 10) g
           JOIN bench_recipients r ON r.n = 1 + (g * 7 + f.n) % ${RECIPIENTS}`,
      );
      await db.query(
        `INSERT INTO grant_applications
           (id, round_id, fund_id, applicant_organisation_id, status, project_title, summary, amount_requested_pence,
            planned_start, planned_end, expected_participants, submitted_at, decided_at,
            amount_awarded_pence, awarded_at, paid_pence, closed_at)
         SELECT id, round_id, fund_id, organisation_id, status,
                'Bench project ' || g || ': coffee, conversation and "belonging"',
                'Weekly sessions where neighbours old and new meet, cook and talk; ' ||
                  'a volunteer-led project reaching about ' || (20 + g % 80) || ' people in the ward over the year.',
                requested, award_day + 14, award_day + 14 + 180 + (g % 180), 20 + g % 80,
                TIMESTAMPTZ '2025-03-01', TIMESTAMPTZ '2025-03-31',
                CASE WHEN status IN ('AWARDED', 'ACTIVE', 'COMPLETED', 'CLOSED_EARLY') THEN requested END,
                CASE WHEN status IN ('AWARDED', 'ACTIVE', 'COMPLETED', 'CLOSED_EARLY') THEN award_day END,
                CASE status WHEN 'ACTIVE' THEN requested / 2 WHEN 'COMPLETED' THEN requested
                            WHEN 'CLOSED_EARLY' THEN requested / 4 ELSE 0 END,
                CASE WHEN status IN ('COMPLETED', 'CLOSED_EARLY') THEN (award_day + 120)::timestamptz END
           FROM bench_apps`,
      );
      // One or two wards each, and the district for one in five.
      await db.query(
        `INSERT INTO grant_application_areas (application_id, area_id)
         SELECT a.id, w.id FROM bench_apps a JOIN bench_wards w ON w.n = 1 + a.g % ${WARDS}
         UNION ALL
         SELECT a.id, w.id FROM bench_apps a JOIN bench_wards w ON w.n = 1 + (a.g + 7) % ${WARDS} WHERE a.g % 3 = 0
         UNION ALL
         SELECT a.id, d.id FROM bench_apps a CROSS JOIN bench_district d WHERE a.g % 5 = 0`,
      );
      await db.query(
        `INSERT INTO grant_application_themes (application_id, term_id)
         SELECT a.id, t.ids[1 + a.g % array_length(t.ids, 1)]
           FROM bench_apps a
          CROSS JOIN (SELECT array_agg(tt.id ORDER BY tt.code) AS ids
                        FROM taxonomy_terms tt JOIN taxonomies x ON x.id = tt.taxonomy_id
                       WHERE x.code = 'cohesion-themes') t`,
      );
      await db.query(
        `UPDATE grant_funds f SET committed_pence = s.committed, paid_pence = s.paid
           FROM (SELECT fund_id, sum(amount_awarded_pence) AS committed, sum(paid_pence) AS paid
                   FROM grant_applications WHERE amount_awarded_pence IS NOT NULL GROUP BY fund_id) s
          WHERE s.fund_id = f.id`,
      );
      await db.query('INSERT INTO seed_runs (name) VALUES ($1)', [MARKER]);
    });
    await dataSource.query('VACUUM ANALYZE');
    log(`Generated the grants dataset in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  } finally {
    await dataSource.destroy();
  }
  return url;
}
