import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  auditOf,
  createAdmin,
  createOrganisation,
  createPractitioner,
  createTestApp,
  errorCode,
  errorFields,
  type TestApp,
} from '@cohesion/testing';

const GRANT = `mutation G($input: RoleGrantInput!) { grantRole(input: $input) }`;
const REVOKE = `mutation R($input: RoleGrantInput!) { revokeRole(input: $input) }`;
const ME = `{ me { roles { role organisation { name } } } }`;

describe('roles', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('lets an organisation admin add a co-admin, who can then manage it; audited', async () => {
    const organisation = await createOrganisation(t, { name: 'Shared Admin Group' });
    const admin = await createPractitioner(t, { roles: [{ role: 'ORG_ADMIN', organisationId: organisation.id }] });
    const colleague = await createPractitioner(t);
    const granted = await t.gql<{ grantRole: boolean }>(
      GRANT,
      { input: { practitionerId: colleague.globalId, role: 'ORG_ADMIN', organisationId: organisation.globalId } },
      admin.token,
    );
    expect(granted.data.grantRole).toBe(true);
    const me = await t.gql<{ me: { roles: { role: string; organisation: { name: string } }[] } }>(
      ME,
      {},
      colleague.token,
    );
    expect(me.data.me.roles).toEqual([{ role: 'ORG_ADMIN', organisation: { name: 'Shared Admin Group' } }]);
    const [grant] = await t.db.query<{ id: string }[]>('SELECT id FROM role_grants WHERE account_id = $1', [
      colleague.id,
    ]);
    expect((await auditOf(t, grant.id)).map((row) => row.action)).toEqual(['grant']);
    const again = await t.gql(
      GRANT,
      { input: { practitionerId: colleague.globalId, role: 'ORG_ADMIN', organisationId: organisation.globalId } },
      admin.token,
    );
    expect(errorCode(again)).toBe('CONFLICT');
  });

  it('keeps other roles to platform admins, and grants officers to councils', async () => {
    const council = await createOrganisation(t, { kind: 'LOCAL_AUTHORITY', name: 'Test Borough Council' });
    const charity = await createOrganisation(t, { kind: 'VCS' });
    const orgAdmin = await createPractitioner(t, { roles: [{ role: 'ORG_ADMIN', organisationId: council.id }] });
    const officer = await createPractitioner(t);
    const asOrgAdmin = await t.gql(
      GRANT,
      { input: { practitionerId: officer.globalId, role: 'GRANTS_OFFICER', organisationId: council.globalId } },
      orgAdmin.token,
    );
    expect(errorCode(asOrgAdmin)).toBe('FORBIDDEN');
    const admin = await createAdmin(t);
    const toCharity = await t.gql(
      GRANT,
      { input: { practitionerId: officer.globalId, role: 'GRANTS_OFFICER', organisationId: charity.globalId } },
      admin.token,
    );
    expect(errorFields(toCharity)).toEqual(['input.organisationId']);
    const toCouncil = await t.gql<{ grantRole: boolean }>(
      GRANT,
      { input: { practitionerId: officer.globalId, role: 'GRANTS_OFFICER', organisationId: council.globalId } },
      admin.token,
    );
    expect(toCouncil.data.grantRole).toBe(true);
    const adminWithOrg = await t.gql(
      GRANT,
      { input: { practitionerId: officer.globalId, role: 'ADMIN', organisationId: council.globalId } },
      admin.token,
    );
    expect(errorFields(adminWithOrg)).toEqual(['input.organisationId']);
    expect(errorCode(await t.gql(GRANT, { input: { practitionerId: officer.globalId, role: 'ADMIN' } }))).toBe(
      'UNAUTHENTICATED',
    );
  });

  it('does not let the last admin of an organisation leave it without one', async () => {
    const organisation = await createOrganisation(t);
    const only = await createPractitioner(t, { roles: [{ role: 'ORG_ADMIN', organisationId: organisation.id }] });
    const revoke = {
      input: { practitionerId: only.globalId, role: 'ORG_ADMIN', organisationId: organisation.globalId },
    };
    expect(errorCode(await t.gql(REVOKE, revoke, only.token))).toBe('CONFLICT');
    const second = await createPractitioner(t, { roles: [{ role: 'ORG_ADMIN', organisationId: organisation.id }] });
    expect((await t.gql<{ revokeRole: boolean }>(REVOKE, revoke, second.token)).data.revokeRole).toBe(true);
    const stranger = await createPractitioner(t);
    expect(
      errorCode(await t.gql(REVOKE, { input: { ...revoke.input, practitionerId: second.globalId } }, stranger.token)),
    ).toBe('FORBIDDEN');
  });
});
