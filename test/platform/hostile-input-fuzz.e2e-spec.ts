import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import fc from 'fast-check';
import { toGlobalId } from '@cohesion/common';
import { createTestApp, type TestApp } from '@cohesion/testing';
import { DemoDataService } from '../../apps/api/src/demo/demo-data.service.js';
import { rootOperations, variablesFor, type FuzzOperation, type IdPool } from '../support/schema-fuzz.js';

/**
 * Every root field of the schema, called with generated arguments (hostile text, edited
 * cursors and ids, nulls, edge numbers, long lists), anonymously and as each demo role.
 * Whatever the input, the answer is an answer or the caller's error: never a 5xx, never
 * INTERNAL_SERVER_ERROR. The seed is fixed so CI is repeatable; `npm run fuzz` runs it
 * longer (FUZZ_RUNS per operation, FUZZ_SEED).
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20_261_202);
const RUNS_PER_OPERATION = Number(process.env.FUZZ_RUNS ?? 15);

/** The tables whose ids the generator draws from, by the GraphQL type their ids name. */
const ID_SOURCES: [string, string][] = [
  ['Organisation', 'organisations'],
  ['Service', 'services'],
  ['Practitioner', 'practitioners'],
  ['Account', 'accounts'],
  ['Area', 'areas'],
  ['TaxonomyTerm', 'taxonomy_terms'],
  ['Taxonomy', 'taxonomies'],
  ['GrantFund', 'grant_funds'],
  ['GrantRound', 'grant_rounds'],
  ['GrantCriterion', 'grant_criteria'],
  ['GrantApplication', 'grant_applications'],
  ['GrantPayment', 'grant_payments'],
  ['MonitoringReport', 'grant_monitoring_reports'],
  ['Introduction', 'introductions'],
  ['Notification', 'notifications'],
  ['Partnership', 'organisation_partnerships'],
];

const VIEWERS = [
  undefined,
  'member@demo.cohesion.example',
  'org.admin@demo.cohesion.example',
  'grants.officer@demo.cohesion.example',
  'admin@demo.cohesion.example',
];

describe('every operation under generated hostile input', () => {
  let t: TestApp;
  let operations: FuzzOperation[];
  const ids: IdPool = new Map();
  const accounts = new Map<string, string>();

  beforeAll(async () => {
    t = await createTestApp({ ORUK_IMPORT_TIMEOUT_MS: '500', NOTIFY_LEASE_SECONDS: '5' });
    await t.app.get(DemoDataService).seed();
    for (const [type, table] of ID_SOURCES) {
      const rows = await t.db.query<{ id: string }[]>(`SELECT id FROM ${table} ORDER BY id LIMIT 4`);
      ids.set(
        type,
        rows.map((row) => toGlobalId(type, row.id)),
      );
    }
    const rows = await t.db.query<{ id: string; email: string }[]>(
      `SELECT id, email FROM accounts WHERE email = ANY($1)`,
      [VIEWERS.filter(Boolean)],
    );
    for (const row of rows) accounts.set(row.email, row.id);
    operations = rootOperations(t.app.get(GraphQLSchemaHost).schema);
  }, 240_000);
  afterAll(async () => {
    await t.close();
  });

  /** A current token for a demo account (an operation may have ended its sessions), or none. */
  async function tokenOf(email: string | undefined): Promise<string | undefined> {
    const id = email ? accounts.get(email) : undefined;
    if (!id) return undefined;
    const [account] = await t.db.query<{ session_epoch: number }[]>(
      'SELECT session_epoch FROM accounts WHERE id = $1',
      [id],
    );
    return t.tokenFor({ id, sessionEpoch: account.session_epoch });
  }

  it('covers every root field of the schema', () => {
    expect(operations.length).toBeGreaterThan(60);
    expect(new Set(operations.map((operation) => operation.kind))).toEqual(new Set(['query', 'mutation']));
  });

  it('never answers with a server fault', async () => {
    let requests = 0;
    const failures: string[] = [];
    for (const [index, operation] of operations.entries()) {
      const outcome = await fc.check(
        fc.asyncProperty(variablesFor(operation, ids), fc.constantFrom(...VIEWERS), async (variables, viewer) => {
          requests++;
          const result = await t.gql(operation.document, variables, await tokenOf(viewer));
          const faults = (result.errors ?? []).filter((error) => error.extensions?.code === 'INTERNAL_SERVER_ERROR');
          if (result.status >= 500 || faults.length) {
            throw new Error(
              `${operation.name} as ${viewer ?? 'anonymous'} answered ${result.status}: ${JSON.stringify(result.errors)}`,
            );
          }
        }),
        { seed: SEED + index, numRuns: RUNS_PER_OPERATION },
      );
      // The smallest input found that fails, with the seed to replay it.
      if (outcome.failed) failures.push(`${String(outcome.errorInstance)}\n${fc.defaultReportMessage(outcome)}`);
    }
    expect(failures).toEqual([]);
    expect(requests).toBeGreaterThanOrEqual(operations.length * RUNS_PER_OPERATION);
  }, 900_000);
});
