import { Injectable } from '@nestjs/common';
import { IsNull, type EntityManager } from 'typeorm';
import { AuditService, conflict, isUniqueViolation, notFound, type GrantedRole, type Viewer } from '@cohesion/common';
import { AccountEntity } from './account.entity.js';
import { RoleGrantEntity } from './role-grant.entity.js';

/**
 * Writes role grants inside the caller's transaction, with an audit row. Who may grant
 * what is decided by the calling domain (it knows the organisations); this only records.
 */
@Injectable()
export class RoleGrantsService {
  constructor(private readonly audit: AuditService) {}

  async grant(
    manager: EntityManager,
    actor: Viewer | null,
    grant: { accountId: string; role: GrantedRole; organisationId: string | null },
  ): Promise<RoleGrantEntity> {
    const exists = await manager.existsBy(AccountEntity, { id: grant.accountId });
    if (!exists) throw notFound('That practitioner');
    const entity = manager.create(RoleGrantEntity, { ...grant, grantedBy: actor?.accountId ?? null });
    try {
      await manager.insert(RoleGrantEntity, entity);
    } catch (error) {
      if (isUniqueViolation(error)) throw conflict('That role is already held');
      throw error;
    }
    await this.audit.record(manager, actor, {
      entityType: 'RoleGrant',
      entityId: entity.id,
      action: 'grant',
      before: null,
      after: { accountId: grant.accountId, role: grant.role, organisationId: grant.organisationId },
    });
    return entity;
  }

  /** The accounts that administer an organisation (to tell them about it). */
  async adminsOf(manager: EntityManager, organisationId: string): Promise<string[]> {
    const grants = await manager.findBy(RoleGrantEntity, { role: 'ORG_ADMIN', organisationId });
    return grants.map((grant) => grant.accountId);
  }

  /** The platform admins (to tell them of something for moderation). */
  async platformAdmins(manager: EntityManager): Promise<string[]> {
    const grants = await manager.findBy(RoleGrantEntity, { role: 'ADMIN', organisationId: IsNull() });
    return grants.map((grant) => grant.accountId);
  }

  /** Removes a grant; false when there was none. */
  async revoke(
    manager: EntityManager,
    actor: Viewer | null,
    grant: { accountId: string; role: GrantedRole; organisationId: string | null },
  ): Promise<boolean> {
    const existing = await manager.findOne(RoleGrantEntity, {
      where: {
        accountId: grant.accountId,
        role: grant.role,
        organisationId: grant.organisationId === null ? IsNull() : grant.organisationId,
      },
      lock: { mode: 'pessimistic_write' },
    });
    if (!existing) return false;
    await manager.delete(RoleGrantEntity, { id: existing.id });
    await this.audit.record(manager, actor, {
      entityType: 'RoleGrant',
      entityId: existing.id,
      action: 'revoke',
      before: { accountId: existing.accountId, role: existing.role, organisationId: existing.organisationId },
      after: null,
    });
    return true;
  }

  /** How many accounts hold a role for an organisation (so the last admin is not removed by accident). */
  async holders(manager: EntityManager, role: GrantedRole, organisationId: string): Promise<number> {
    return manager.countBy(RoleGrantEntity, { role, organisationId });
  }
}
