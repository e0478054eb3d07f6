import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { enforce, notFound, type Viewer } from '@cohesion/common';
import { GRANTS_POLICY } from '../grants.policy.js';
import { toAuditTrailEntry } from './audit-trail.mapper.js';
import type { AuditTrailEntry } from './audit-trail.model.js';
import { auditTrail, ownerOfRecord } from './audit-trail.queries.js';

/** The audit trail of a fund, round, application (with its payments) or payment, for the council's officers. */
@Injectable()
export class AuditTrailService {
  constructor(private readonly dataSource: DataSource) {}

  async trail(viewer: Viewer, type: string, id: string): Promise<AuditTrailEntry[]> {
    const councilId = await ownerOfRecord(this.dataSource, type, id);
    if (!councilId) throw notFound('That record');
    enforce(GRANTS_POLICY.viewAuditTrail, viewer, { councilId });
    const rows = await auditTrail(this.dataSource, id, type === 'GrantApplication', viewer.accountId);
    return rows.map(toAuditTrailEntry);
  }
}
