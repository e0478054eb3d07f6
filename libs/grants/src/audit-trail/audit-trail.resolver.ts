import { Args, Context, ID, Query, Resolver } from '@nestjs/graphql';
import { badInput, decodeGlobalId, viewerOf, type RequestContext } from '@cohesion/common';
import { Access } from '@cohesion/auth';
import { AuditTrailEntry } from './audit-trail.model.js';
import { AUDITED_GRANT_TYPES } from './audit-trail.queries.js';
import { AuditTrailService } from './audit-trail.service.js';
import { GRANTS_POLICY } from '../grants.policy.js';

@Resolver()
export class AuditTrailResolver {
  constructor(private readonly trails: AuditTrailService) {}

  @Query(() => [AuditTrailEntry], {
    description: 'Every change to a fund, round, application (with its payments) or payment, oldest first.',
  })
  @Access('member', GRANTS_POLICY.viewAuditTrail)
  auditTrail(
    @Args('id', { type: () => ID }) id: string,
    @Context() context: RequestContext,
  ): Promise<AuditTrailEntry[]> {
    const decoded = decodeGlobalId(id);
    if (!decoded || !AUDITED_GRANT_TYPES.includes(decoded.type)) {
      throw badInput('id', `must be the id of a ${AUDITED_GRANT_TYPES.join(', ')}`);
    }
    return this.trails.trail(viewerOf(context), decoded.type, decoded.id);
  }
}
