import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { DirectoryWriter, type SourcedServiceLocation } from '@cohesion/directory';
import { createTestApp, type TestApp } from '@cohesion/testing';

const SOURCE = 'https://publisher.example.org/openreferral/v3';

/** Ids as a publisher gives them (uuids). */
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

describe("the directory's writer", () => {
  let t: TestApp;
  let writer: DirectoryWriter;
  let dataSource: DataSource;
  beforeAll(async () => {
    t = await createTestApp();
    writer = t.app.get(DirectoryWriter);
    dataSource = t.app.get(DataSource);
  });
  afterAll(async () => {
    await t.close();
  });

  const auditOf = (entityId: string) =>
    t.db.query<{ action: string; before: Record<string, unknown> | null; after: Record<string, unknown> }[]>(
      'SELECT action, before, after FROM audit_entries WHERE entity_id = $1 ORDER BY id',
      [entityId],
    );

  it('creates an organisation keyed by its source and source id, audited in the same transaction', async () => {
    await dataSource.transaction((manager) =>
      writer.organisations.create(
        manager,
        null,
        { source: SOURCE, sourceId: id(1) },
        { name: 'Riverside Food Bank', kind: 'VCS', description: null, email: null, website: null },
        [{ scheme: 'GB-CHC', identifier: '1100001', sourceId: id(101) }],
        { verified: true, unknownOwner: false },
      ),
    );
    const [row] = await t.db.query<{ source_feed: string; source_id: string; verified: boolean }[]>(
      'SELECT source_feed, source_id, verified FROM organisations WHERE id = $1',
      [id(1)],
    );
    expect(row).toEqual({ source_feed: SOURCE, source_id: id(1), verified: true });
    // The identifier keeps the publisher's id, which no row had.
    const identifiers = await t.db.query('SELECT id FROM organisation_identifiers WHERE organisation_id = $1', [id(1)]);
    expect(identifiers).toEqual([{ id: id(101) }]);
    const audit = await auditOf(id(1));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'import', before: null, after: { identifiers: ['GB-CHC-1100001'] } });

    // A transaction that rolls back leaves neither the row nor its audit row.
    await expect(
      dataSource.transaction(async (manager) => {
        await writer.organisations.create(
          manager,
          null,
          { source: SOURCE, sourceId: id(2) },
          { name: 'Never Kept', kind: 'VCS', description: null, email: null, website: null },
          [],
          { verified: false, unknownOwner: false },
        );
        throw new Error('stop');
      }),
    ).rejects.toThrow('stop');
    expect(await t.db.query('SELECT id FROM organisations WHERE id = $1', [id(2)])).toEqual([]);
    expect(await auditOf(id(2))).toEqual([]);
  });

  it('finds an imported organisation again, updates it with its identifiers and audits before and after', async () => {
    await dataSource.transaction(async (manager) => {
      const [found] = await writer.organisations.bySourceId(manager, id(1));
      expect(found).toEqual({ id: id(1), sourceId: id(1), name: 'Riverside Food Bank' });
      const before = await writer.organisations.state(manager, id(1));
      await writer.organisations.update(
        manager,
        null,
        id(1),
        SOURCE,
        {
          name: 'Riverside Community Food Bank',
          kind: 'FAITH_GROUP',
          description: 'Food parcels',
          email: null,
          website: null,
        },
        [{ scheme: 'GB-CHC', identifier: '1100002', sourceId: null }],
        before,
      );
    });
    const audit = await auditOf(id(1));
    expect(audit).toHaveLength(2);
    expect(audit[1].before).toMatchObject({ name: 'Riverside Food Bank', identifiers: ['GB-CHC-1100001'] });
    expect(audit[1].after).toMatchObject({
      name: 'Riverside Community Food Bank',
      kind: 'FAITH_GROUP',
      identifiers: ['GB-CHC-1100002'],
    });

    await dataSource.transaction(async (manager) => {
      const holders = await writer.organisations.identifierHolders(manager, ['GB-CHC-1100002', 'GB-CHC-1100001']);
      expect(holders).toEqual([
        { id: id(1), identifier: 'GB-CHC-1100002', name: 'Riverside Community Food Bank', sourceFeed: SOURCE },
      ]);
      expect(await writer.organisations.identifierHolders(manager, ['GB-CHC-1100002'], id(1))).toEqual([]);
      expect(await writer.organisations.idBySourceId(manager, id(1), true)).toBe(id(1));
      expect(await writer.organisations.idBySourceId(manager, id(3))).toBeNull();
    });
  });

  it('lists a recipient named in grants data once, then finds it by its identifier', async () => {
    const identifier = { scheme: 'GB-CHC', identifier: '1100009' };
    const listing = { name: 'Hillside Youth Club', kind: 'VCS' as const, town: 'Walsall', postcode: 'ws1 1aa' };
    const first = await dataSource.transaction((manager) =>
      writer.organisations.findOrListNamedInGrants(manager, null, identifier, listing),
    );
    expect(first.created).toBe(true);
    const again = await dataSource.transaction((manager) =>
      writer.organisations.findOrListNamedInGrants(manager, null, identifier, listing),
    );
    expect(again).toEqual({ id: first.id, created: false });
    const [row] = await t.db.query<{ verified: boolean; named_in_grants_data: boolean; postcode: string }[]>(
      'SELECT verified, named_in_grants_data, postcode FROM organisations WHERE id = $1',
      [first.id],
    );
    expect(row).toEqual({ verified: false, named_in_grants_data: true, postcode: 'WS1 1AA' });
    expect((await auditOf(first.id)).map((entry) => entry.action)).toEqual(['import']);
  });

  it('links a service to its places by their source ids, and drops an imported place no service uses', async () => {
    const place = (sourceId: string, name: string): SourcedServiceLocation => ({
      sourceId: null,
      location: {
        sourceId,
        locationType: 'physical',
        name,
        description: null,
        addressId: null,
        attention: null,
        addressLine1: '1 High Street',
        addressLine2: null,
        town: 'Walsall',
        region: null,
        stateProvince: null,
        postcode: 'WS1 1AA',
        country: 'GB',
        addressType: 'physical',
        latitude: 52.58,
        longitude: -1.98,
        geocodePrecision: 'COORDINATES',
      },
    });
    const serviceId = id(20);
    await dataSource.transaction(async (manager) => {
      await writer.services.write(
        manager,
        null,
        SOURCE,
        serviceId,
        false,
        {
          organisationId: id(1),
          name: 'Food parcels',
          description: null,
          url: null,
          email: null,
          status: 'active',
          fees: null,
          eligibilityDescription: null,
          minimumAge: null,
          maximumAge: null,
          languages: ['en'],
          assuredDate: null,
          assurerEmail: null,
        },
        null,
      );
      await writer.locations.link(manager, SOURCE, serviceId, id(1), [place(id(30), 'Hall'), place(id(31), 'Annexe')]);
    });
    const places = () =>
      t.db.query<{ id: string; name: string }[]>(
        `SELECT l.id, l.name FROM service_locations sl JOIN locations l ON l.id = sl.location_id
          WHERE sl.service_id = $1 ORDER BY l.name`,
        [serviceId],
      );
    expect(await places()).toEqual([
      { id: id(31), name: 'Annexe' },
      { id: id(30), name: 'Hall' },
    ]);

    await dataSource.transaction((manager) =>
      writer.locations.link(manager, SOURCE, serviceId, id(1), [place(id(30), 'Main hall')]),
    );
    expect(await places()).toEqual([{ id: id(30), name: 'Main hall' }]);
    expect(await t.db.query('SELECT id FROM locations WHERE id = $1', [id(31)])).toEqual([]);

    const state = await dataSource.transaction((manager) => writer.services.state(manager, serviceId));
    expect(state).toMatchObject({
      name: 'Food parcels',
      languages: ['en'],
      locations: [{ sourceId: id(30), name: 'Main hall' }],
    });
  });
});
