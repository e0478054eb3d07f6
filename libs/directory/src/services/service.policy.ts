import type { Viewer } from '@cohesion/common';
import { organisationVisibleSql } from '../organisations/organisation.policy.js';

/**
 * Which services a viewer may see, as SQL on `services` (s) joined to its
 * `organisations` (o): members see all; everyone else sees public services of
 * organisations they may see.
 */
export function serviceVisibleSql(viewer: Viewer, service: string, organisation: string): string {
  return viewer.isAuthenticated
    ? 'TRUE'
    : `${service}.visibility = 'PUBLIC' AND ${organisationVisibleSql(viewer, organisation)}`;
}
