import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  auditOf,
  createOrganisation,
  createPractitioner,
  createTestApp,
  errorCode,
  type TestApp,
} from '@cohesion/testing';

const UPDATE = `mutation U($input: UpdateOrganisationInput!) { updateOrganisation(input: $input) { version name } }`;

describe('audit trail and concurrent edits', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('refuses to rewrite or delete audit rows, even for the application itself', async () => {
    const organisation = await createOrganisation(t);
    const admin = await createPractitioner(t, { roles: [{ role: 'ORG_ADMIN', organisationId: organisation.id }] });
    await t.gql(UPDATE, { input: { id: organisation.globalId, version: 1, name: 'Audited Name' } }, admin.token);
    expect((await auditOf(t, organisation.id)).length).toBe(1);
    await expect(
      t.db.query(`UPDATE audit_entries SET action = 'forged' WHERE entity_id = $1`, [organisation.id]),
    ).rejects.toThrow('append-only');
    await expect(t.db.query('DELETE FROM audit_entries WHERE entity_id = $1', [organisation.id])).rejects.toThrow(
      'append-only',
    );
    await expect(t.db.query('TRUNCATE audit_entries')).rejects.toThrow('append-only');
    expect((await auditOf(t, organisation.id))[0].action).toBe('update');
  });

  it('lets exactly one of several simultaneous edits of the same version win', async () => {
    const organisation = await createOrganisation(t, { name: 'Contested' });
    const admin = await createPractitioner(t, { roles: [{ role: 'ORG_ADMIN', organisationId: organisation.id }] });
    const attempts = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        t.gql(UPDATE, { input: { id: organisation.globalId, version: 1, name: `Edit ${i}` } }, admin.token),
      ),
    );
    const won = attempts.filter((result) => !result.errors);
    expect(won).toHaveLength(1);
    expect(attempts.filter((result) => errorCode(result) === 'CONFLICT')).toHaveLength(7);
    const [row] = await t.db.query<{ name: string; version: number }[]>(
      'SELECT name, version FROM organisations WHERE id = $1',
      [organisation.id],
    );
    expect(row).toEqual({
      name: (won[0].data as { updateOrganisation: { name: string } }).updateOrganisation.name,
      version: 2,
    });
    expect((await auditOf(t, organisation.id)).length).toBe(1);
  });
});
