import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { badInput, enforce, type Viewer } from '@cohesion/common';
import { NETWORK_POLICY } from '../network.policy.js';
import { practitionerOf } from '../shared/practitioner-of.js';
import { toIntroductionPath } from './introduction-path.mapper.js';
import type { IntroductionPath } from './introduction-path.model.js';
import { meetingOf, mutualConnections, pathStart, stepsFrom } from './introduction-path.queries.js';

type Parents = Map<string, string | null>;
interface Side {
  parents: Parents;
  /** Reached in the last step taken from this side. */
  frontier: string[];
  depth: number;
}

/**
 * Shortest chains of connections, searched from both ends at once (meet in the middle):
 * each round expands whichever side has the smaller frontier by one hop, so a 4-hop
 * search reads two hops of neighbours from each end instead of four from one.
 * Only people the viewer may see are stepped through.
 */
@Injectable()
export class IntroductionPathsService {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Everyone who could introduce the viewer to `target`: connected to both, and someone the
   * viewer may see (discoverable, no block either way), at most `limit`, by id. The same
   * visibility as `shortest`, whose two-step paths go through one of them.
   */
  async mutualConnections(viewer: Viewer, target: string, limit: number): Promise<string[]> {
    const me = practitionerOf(viewer);
    if (target === me) throw badInput('to', 'is you');
    const start = await pathStart(this.dataSource, me, target);
    const hidden = new Set(start.hidden);
    enforce(
      NETWORK_POLICY.seePeer,
      viewer,
      start.discoverable === null ? undefined : { discoverable: start.discoverable, blocked: hidden.has(target) },
    );
    return mutualConnections(this.dataSource, me, target, [...hidden], limit);
  }

  async shortest(viewer: Viewer, target: string, maxHops: number): Promise<IntroductionPath | null> {
    const me = practitionerOf(viewer);
    if (target === me) throw badInput('to', 'is you');
    const start = await pathStart(this.dataSource, me, target);
    // Everyone blocked by or blocking the viewer: never part of their paths.
    const hidden = new Set(start.hidden);
    enforce(
      NETWORK_POLICY.seePeer,
      viewer,
      start.discoverable === null ? undefined : { discoverable: start.discoverable, blocked: hidden.has(target) },
    );

    const sides: Side[] = [
      { parents: new Map([[me, null]]), frontier: [me], depth: 0 },
      { parents: new Map([[target, null]]), frontier: [target], depth: 0 },
    ];
    for (;;) {
      const index = sides[0].frontier.length <= sides[1].frontier.length ? 0 : 1;
      const side = sides[index];
      const other = sides[1 - index];
      if (side.frontier.length === 0) return null;
      const remaining = maxHops - side.depth - other.depth;
      if (remaining <= 2) {
        // The last one or two steps in one statement: only where the sides meet comes back.
        const path = await this.finish(side, other, remaining, [...hidden]);
        if (!path) return null;
        return toIntroductionPath(index === 0 ? path : path.reverse());
      }
      const next: string[] = [];
      const meetings: string[] = [];
      for (const { from, to } of await stepsFrom(this.dataSource, side.frontier)) {
        if (hidden.has(to) || side.parents.has(to)) continue;
        side.parents.set(to, from);
        next.push(to);
        if (other.parents.has(to)) meetings.push(to);
      }
      side.frontier = next;
      side.depth++;
      if (meetings.length > 0) {
        // The meeting point nearest the other end gives a shortest path; ties go to the smallest id.
        const paths = meetings.map((meeting) => [
          ...chain(sides[0].parents, meeting).reverse(),
          ...chain(sides[1].parents, meeting).slice(1),
        ]);
        paths.sort((a, b) => a.length - b.length || (a.join() < b.join() ? -1 : 1));
        return toIntroductionPath(paths[0]);
      }
    }
  }

  /**
   * The last `steps` (1 or 2) of the search: one step out from `side`'s frontier onto
   * the other's frontier, or else (with 2) onto someone one step beyond it. A meeting
   * any nearer would have been found already, so this is a shortest path when there is
   * one. Returns the chain from `side`'s root to the other's, or null.
   */
  private async finish(side: Side, other: Side, steps: number, hidden: string[]): Promise<string[] | null> {
    const meeting = await meetingOf(this.dataSource, side.frontier, other.frontier, hidden, steps);
    if (!meeting) return null;
    const ours = chain(side.parents, meeting.from).reverse();
    return meeting.theirs === null
      ? [...ours, ...chain(other.parents, meeting.meet)]
      : [...ours, meeting.meet, ...chain(other.parents, meeting.theirs)];
  }
}

/** From `node` back to the root of its side. */
function chain(parents: Parents, node: string): string[] {
  const ids: string[] = [];
  for (let current: string | null | undefined = node; current; current = parents.get(current)) ids.push(current);
  return ids;
}
