import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { OpenReferralImportService } from '@cohesion/open-referral';
import {
  createArea,
  createOrganisation,
  createPractitioner,
  createTerm,
  createTestApp,
  fullServiceInput,
  termId,
  type TestApp,
} from '@cohesion/testing';
import { DemoDataService } from '../../apps/api/src/demo/demo-data.service.js';

const BASE = '/openreferral/v3';
const CREATE = `mutation Create($input: CreateServiceInput!) { createService(input: $input) { id } }`;

type Json = Record<string, unknown>;

/** A test app's feed served on loopback, so another directory can import it as a feed; returns its address. */
async function serve(t: TestApp): Promise<{ url: string; stop: () => Promise<void> }> {
  const server = t.app.getHttpServer() as Server;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${BASE}`,
    stop: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Each term the services carry: its taxonomy and code, and its parent's code. */
async function serviceTermTree(t: TestApp, serviceIds: string[]): Promise<string[]> {
  const rows = await t.db.query<{ line: string }[]>(
    `SELECT DISTINCT x.code || ' ' || t.code || ' < ' || coalesce(p.code, '(top)') AS line
       FROM service_taxonomy_terms st JOIN taxonomy_terms t ON t.id = st.term_id
       JOIN taxonomies x ON x.id = t.taxonomy_id LEFT JOIN taxonomy_terms p ON p.id = t.parent_id
      WHERE st.service_id = ANY($1::uuid[])
      ORDER BY 1`,
    [serviceIds],
  );
  return rows.map((row) => row.line);
}

/** Every service of a feed, fully nested, page by page. */
async function exportServices(t: TestApp): Promise<Json[]> {
  const services: Json[] = [];
  for (let page = 1; ; page++) {
    const response = await t.http().get(`${BASE}/services`).query({ full: true, per_page: 2, page });
    expect(response.status).toBe(200);
    services.push(...(response.body as { contents: Json[] }).contents);
    if ((response.body as { last_page: boolean }).last_page) return services;
  }
}

/**
 * What a service is, apart from what each database keeps for itself: when it last
 * changed there, and the local ids of the shared vocabularies (each database has its own
 * copy of the cohesion themes and service types), which stand as taxonomy and term code.
 */
function comparable(services: Json[]): Json[] {
  const term = (value: Json) => ({
    ...value,
    id: `${String(value.taxonomy)}/${String(value.term)}`,
    taxonomy_id: undefined,
    parent_id: undefined,
  });
  return services.map(({ last_modified: _changed, attributes, ...service }) => ({
    ...service,
    attributes: (attributes as Json[])
      .map((attribute) => ({
        link_type: attribute.link_type,
        link_id: attribute.link_id,
        taxonomy_term: term(attribute.taxonomy_term as Json),
      }))
      .sort((a, b) => a.taxonomy_term.id.localeCompare(b.taxonomy_term.id)),
  }));
}

describe('Open Referral UK round trip', () => {
  let source: TestApp;
  let target: TestApp;
  let server: Server;

  beforeAll(async () => {
    source = await createTestApp();
    const geography = async (t: TestApp) => {
      const walsall = await createArea(t, { name: 'Walsall', code: 'E08000030' });
      await createArea(t, { kind: 'WARD', name: 'Palfrey', code: 'E05001334', parentId: walsall.id });
    };
    await geography(source);
    const circle = await createOrganisation(source, {
      name: 'Caldmore Women’s Circle',
      description: 'A women’s group in Caldmore.',
      website: 'https://caldmore-circle.example.org',
      identifiers: ['GB-CHC-1234567', 'GB-COH-09876543'],
    });
    const admin = await createPractitioner(source, { roles: [{ role: 'ORG_ADMIN', organisationId: circle.id }] });
    const [palfrey] = await source.db.query<{ id: string }[]>("SELECT id FROM areas WHERE code = 'E05001334'");
    const [walsall] = await source.db.query<{ id: string }[]>("SELECT id FROM areas WHERE code = 'E08000030'");
    const area = (id: string) => Buffer.from(`Area:${id}`).toString('base64url');
    const term = async (taxonomy: string, code: string) => (await termId(source, taxonomy, code)).globalId;
    const inputs = [
      fullServiceInput({
        termIds: [await term('service-types', 'esol-class'), await term('cohesion-themes', 'integration-and-esol')],
        serviceAreaIds: [area(palfrey.id), area(walsall.id)],
      }),
      {
        name: 'Friday youth club',
        minimumAge: 11,
        maximumAge: 18,
        schedules: [{ freq: 'MONTHLY', byday: '2FR', opensAt: '18:00', closesAt: '20:30' }],
        locations: [
          { name: 'Bloxwich Library', address: { line1: 'Elmore Row', town: 'Walsall', postcode: 'WS3 2HR' } },
        ],
        taxonomyTermIds: [await term('cohesion-themes', 'youth')],
      },
      { name: 'Coffee morning', description: 'Tea, coffee and a chat.' },
    ];
    for (const input of inputs) {
      const result = await source.gql(CREATE, { input: { organisationId: circle.globalId, ...input } }, admin.token);
      expect(result.errors).toBeUndefined();
    }
    // A vocabulary of the publisher's own travels with its services.
    const local = await createTerm(source, 'cohesion-themes', { code: 'caldmore-women', name: 'Caldmore women' });
    await source.db.query(
      `INSERT INTO service_taxonomy_terms (service_id, term_id) SELECT id, $1 FROM services WHERE name = 'Coffee morning'`,
      [local.id],
    );
    server = source.app.getHttpServer() as Server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    // An empty directory holding only the shared geography (each database its own ids). Started
    // last: the sign-in strategy is the process's, and the source's tokens were used above.
    target = await createTestApp({ ORUK_IMPORT_ALLOW_PRIVATE_NET: 'true' });
    await geography(target);
  });

  afterAll(async () => {
    if (server?.listening) {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
    await source?.close();
    await target?.close();
  });

  it('export, import into an empty directory, export again: the same services', async () => {
    const exported = await exportServices(source);
    expect(exported).toHaveLength(3);
    const { port } = server.address() as AddressInfo;
    const importer = target.app.get(OpenReferralImportService);
    const report = await importer.importFeed(null, `http://127.0.0.1:${port}${BASE}`, { allowPrivate: true });
    expect(report.invalid).toEqual([]);
    expect(report.services).toMatchObject({ created: 3 });
    const again = await exportServices(target);
    expect(comparable(again)).toEqual(comparable(exported));

    // A second pass changes nothing.
    const second = await importer.importFeed(null, `http://127.0.0.1:${port}${BASE}`, { allowPrivate: true });
    expect(second.services).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
    expect(comparable(await exportServices(target))).toEqual(comparable(exported));
  });
});

describe('the demo directory, imported as a feed by an empty directory', () => {
  let source: TestApp;
  let target: TestApp;
  let feed: { url: string; stop: () => Promise<void> } | undefined;

  beforeAll(async () => {
    source = await createTestApp();
    await source.app.get(DemoDataService).seed();
    feed = await serve(source);
    target = await createTestApp({ ORUK_IMPORT_ALLOW_PRIVATE_NET: 'true' });
    // A directory migrated on its own has ids of its own for the shared vocabularies' terms (all at the top).
    await target.db.query('UPDATE taxonomy_terms SET id = gen_random_uuid()');
  });
  afterAll(async () => {
    await feed?.stop();
    await source?.close();
    await target?.close();
  });

  it('keeps every term under its parent, with no warning about parents', async () => {
    const importer = target.app.get(OpenReferralImportService);
    const report = await importer.importFeed(null, feed?.url ?? '', { allowPrivate: true });
    expect(report.invalid).toEqual([]);
    const parents = report.warnings.flatMap((issue) => issue.messages).filter((message) => /parent_id/.test(message));
    expect(parents).toEqual([]);
    const imported = (await target.db.query<{ id: string }[]>('SELECT id FROM services')).map((row) => row.id);
    expect(imported.length).toBe(report.services.created);
    const tree = await serviceTermTree(source, imported);
    expect(tree.filter((line) => !line.endsWith('(top)')).length).toBeGreaterThan(0);
    expect(await serviceTermTree(target, imported)).toEqual(tree);
  });
});
