import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { currentRequestId } from '../logging/request-context.js';
import type { Viewer } from '../viewer.js';
import { AuditEntryEntity } from './audit-entry.entity.js';

export interface AuditChange {
  entityType: string;
  entityId: string;
  action: string;
  before: object | null;
  after: object | null;
}

/**
 * Writes audit rows. It takes the caller's transaction manager, so the row commits or
 * rolls back with the change it describes: there is no change without its audit row.
 */
@Injectable()
export class AuditService {
  async record(manager: EntityManager, actor: Viewer | null, change: AuditChange): Promise<void> {
    // jsonb values go through as parameters; TypeORM's insert typing wants them deep-partial.
    const row: Partial<AuditEntryEntity> = {
      actorAccountId: actor?.accountId ?? null,
      entityType: change.entityType,
      entityId: change.entityId,
      action: change.action,
      before: change.before as Record<string, unknown> | null,
      after: change.after as Record<string, unknown> | null,
      requestId: currentRequestId() ?? null,
    };
    await manager
      .createQueryBuilder()
      .insert()
      .into(AuditEntryEntity)
      .values(row as object)
      .execute();
  }
}
