import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { badInput, enforce, type Viewer } from '@cohesion/common';
import { deleteConnection } from '../connections/connection.queries.js';
import { IntroductionsService } from '../introductions/introductions.service.js';
import { NETWORK_POLICY } from '../network.policy.js';
import { practitionerOf } from '../shared/practitioner-of.js';
import type { BlockedPractitioner } from './blocked-practitioner.model.js';
import { toBlockedPractitioner } from './block.mapper.js';
import { blocksBy, deleteBlock, insertBlock, isBlockable } from './block.queries.js';

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
      const blockable = await isBlockable(manager, practitionerId, me);
      enforce(NETWORK_POLICY.block, viewer, { blockable });
      await insertBlock(manager, me, practitionerId);
      await deleteConnection(manager, me, practitionerId);
      await this.introductions.closeBetween(manager, me, practitionerId);
      return true;
    });
  }

  /** Lifts the viewer's block on someone (a block they placed on the viewer stays); false if there was none. */
  unblock(viewer: Viewer, practitionerId: string): Promise<boolean> {
    return deleteBlock(this.dataSource, practitionerOf(viewer), practitionerId);
  }

  async blockedBy(viewer: Viewer): Promise<BlockedPractitioner[]> {
    const rows = await blocksBy(this.dataSource, practitionerOf(viewer));
    return rows.map(toBlockedPractitioner);
  }
}
