import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Viewer } from '@cohesion/common';
import { practitionerOf } from '../shared/practitioner-of.js';
import type { SuggestedPeer } from './suggested-peer.model.js';
import { toSuggestedPeer } from './suggestion.mapper.js';
import { suggestionsFor } from './suggestion.queries.js';

@Injectable()
export class SuggestionsService {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * People the viewer is not connected with, ranked by shared expertise, shared places
   * and how close they are in the network; never anyone hidden from the viewer (not
   * discoverable, or blocked either way).
   */
  async suggest(viewer: Viewer, first: number): Promise<SuggestedPeer[]> {
    const me = practitionerOf(viewer);
    const rows = await suggestionsFor(this.dataSource, me, first);
    return rows.map(toSuggestedPeer);
  }
}
