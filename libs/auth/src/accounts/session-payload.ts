import type { RequestContext, Viewer } from '@cohesion/common';
import type { Session } from '../auth.service.js';
import { toAccountModel } from './account.mapper.js';
import { AuthPayloadModel } from './account.model.js';

/**
 * What a sign-in answers (login, a council sign-in, a password change). The rest of the
 * response (e.g. `account { practitioner }`) is answered as the newly signed-in person.
 */
export function sessionPayload(session: Session, viewer: Viewer, context: RequestContext): AuthPayloadModel {
  context.req.viewer = viewer;
  return Object.assign(new AuthPayloadModel(), {
    accessToken: session.accessToken,
    accessTokenExpiresAt: session.accessTokenExpiresAt,
    refreshToken: session.refreshToken,
    refreshTokenExpiresAt: session.refreshTokenExpiresAt,
    account: toAccountModel(session.account, viewer.grants),
  });
}
