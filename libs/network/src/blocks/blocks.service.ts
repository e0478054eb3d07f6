import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { badInput, enforce, returningRows, toGlobalId, type Viewer } from '@cohesion/common';
import { practitionersSql } from '@cohesion/directory';
import { NETWORK_POLICY } from '../network.policy.js';
import { practitionerOf } from '../shared/practitioner-of.js';
import { IntroductionsService } from '../introductions/introductions.service.js';
import type { BlockedPractitioner } from './blocked-practitioner.model.js';

@Injectable()
export class BlocksService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly introductions: IntroductionsService,
  ) {}

  /**
   * Blocks someone: from now on neither sees the other in search, suggestions, paths or
   * the graph, and neither can ask the other for anything. Their connection ends and the
   * open requests between them close, in one transaction. They are not told.
   */
  async block(viewer: Viewer, practitionerId: string): Promise<boolean> {
    const me = practitionerOf(viewer);
    if (practitionerId === me) throw badInput('practitionerId', 'is you');
    return this.dataSource.transaction(async (manager) => {
      // Someone you may not see answers exactly as an id that does not exist.
      const [blockable] = await manager.query(
        `SELECT 1 FROM ${practitionersSql('p')} WHERE p.id = $1 AND ${NETWORK_POLICY.block.sql('p', '$2::uuid')}`,
        [practitionerId, me],
      );
      enforce(NETWORK_POLICY.block, viewer, { blockable: Boolean(blockable) });
      await manager.query(
        `INSERT INTO practitioner_blocks (blocker_id, blocked_id) VALUES ($1, $2)
         ON CONFLICT (blocker_id, blocked_id) DO NOTHING`,
        [me, practitionerId],
      );
      await manager.query(
        `DELETE FROM connections
          WHERE practitioner_a_id = LEAST($1::uuid, $2::uuid) AND practitioner_b_id = GREATEST($1::uuid, $2::uuid)`,
        [me, practitionerId],
      );
      await this.introductions.closeBetween(manager, me, practitionerId);
      return true;
    });
  }

  /** Lifts the viewer's block on someone (a block they placed on the viewer stays); false if there was none. */
  async unblock(viewer: Viewer, practitionerId: string): Promise<boolean> {
    const rows = await returningRows(
      this.dataSource,
      'DELETE FROM practitioner_blocks WHERE blocker_id = $1 AND blocked_id = $2 RETURNING blocked_id',
      [practitionerOf(viewer), practitionerId],
    );
    return rows.length > 0;
  }

  async blockedBy(viewer: Viewer): Promise<BlockedPractitioner[]> {
    const rows = await this.dataSource.query<{ id: string; fullName: string; blockedAt: Date }[]>(
      `SELECT p.id, p.full_name AS "fullName", b.created_at AS "blockedAt"
         FROM practitioner_blocks b JOIN ${practitionersSql('p')} ON p.id = b.blocked_id
        WHERE b.blocker_id = $1 ORDER BY b.created_at DESC`,
      [practitionerOf(viewer)],
    );
    return rows.map((row) => ({
      practitionerId: toGlobalId('Practitioner', row.id),
      fullName: row.fullName,
      blockedAt: row.blockedAt,
    }));
  }
}
