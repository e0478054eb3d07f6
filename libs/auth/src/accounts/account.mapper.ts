import { toGlobalId, type RoleGrant } from '@cohesion/common';
import { AccountModel, Role, RoleGrantModel } from './account.model.js';
import type { AccountEntity } from './account.entity.js';

export const ACCOUNT_TYPE = 'Account';

export function toRoleGrantModel(grant: RoleGrant): RoleGrantModel {
  return Object.assign(new RoleGrantModel(), { role: grant.role as Role, organisationId: grant.organisationId });
}

export function toAccountModel(entity: AccountEntity, grants: readonly RoleGrant[]): AccountModel {
  return Object.assign(new AccountModel(), {
    id: toGlobalId(ACCOUNT_TYPE, entity.id),
    accountId: entity.id,
    email: entity.email,
    emailVerified: entity.emailVerifiedAt !== null,
    createdAt: entity.createdAt,
    roles: grants.map(toRoleGrantModel),
  });
}
