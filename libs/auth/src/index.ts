export * from './access/access.decorator.js';
export { AccessGuard } from './access/access.guard.js';
export * from './accounts/account-mail.js';
export * from './accounts/account-profiles.js';
export * from './accounts/account-read-models.js';
export * from './accounts/account.entity.js';
export * from './accounts/account.model.js';
export * from './accounts/personal-data.queries.js';
export * from './accounts/personal-data-document.js';
export { markAddressProven } from './accounts/account.queries.js';
export * from './accounts/role-grant.entity.js';
export * from './accounts/role-grants.service.js';
export * from './auth.module.js';
export * from './erasure/account-erasure.js';
export { AccountDeletionModule } from './erasure/account-deletion.module.js';
export { AccountDeletionService, ERASURE_AUDIT } from './erasure/account-deletion.service.js';
export { AUTH_ERASERS, erasuresPage } from './erasure/erasure.queries.js';
export { ErasureEntity } from './erasure/erasure.entity.js';
export * from './auth.policy.js';
export * from './dto/auth.inputs.js';
export { AuthService, normaliseEmail, type Session } from './auth.service.js';
export { UnverifiedAccountPurgeTask } from './verification/unverified-account-purge.task.js';
export { PasswordResetTask } from './passwords/password-reset.task.js';
export * from './passwords/password-hasher.js';
export * from './passwords/password-policy.js';
export * from './throttling/rate-limiter.js';
export { AuthThrottle, type AuthThrottleOptions } from './throttling/auth-throttle.js';
export * from './web-sessions/web-sessions.service.js';
export { WebSessionEntity } from './web-sessions/web-session.entity.js';
export * from './tokens/refresh-token.entity.js';
export { hashToken, TokenService } from './tokens/token.service.js';
export { OidcAttemptPurgeTask } from './oidc/oidc-attempt-purge.task.js';
export { OidcProviderClient } from './oidc/oidc-provider-client.js';
export {
  clearWebSignInResult,
  leaveForProvider,
  SIGN_IN_COOKIE,
  throttleSignInRoute,
  WEB_SIGN_IN_COOKIE,
  WEB_SIGN_IN_FINISH_PATH,
  WEB_SIGN_IN_RESULT_COOKIE,
  webSignInResultOf,
  type WebSignInResult,
} from './oidc/oidc.controller.js';
export { REFUSAL_MESSAGES, type OidcRefusal } from './oidc/oidc-claims.js';
export { OidcSignInService } from './oidc/oidc-sign-in.service.js';
export { ConfirmSignInLinkInput, LinkSignInInput } from './oidc/oidc.inputs.js';
export { OidcConnectionsService, type SignInChoice } from './oidc/oidc-connections.service.js';
export { EmailVerificationService } from './verification/email-verification.service.js';
export { PasswordRecoveryService } from './passwords/password-recovery.service.js';
export { AccountSuspensionService, type AccountStanding } from './suspension/suspension.service.js';
export { SuspendAccountArgs } from './suspension/suspension.args.js';
export { WebSessionPurgeTask } from './web-sessions/web-session-purge.task.js';

import { AccountEntity } from './accounts/account.entity.js';
import { RoleGrantEntity } from './accounts/role-grant.entity.js';
import { ErasureEntity } from './erasure/erasure.entity.js';
import { AccountLinkEntity } from './links/account-link.entity.js';
import { PasswordResetRequestEntity } from './passwords/password-reset-request.entity.js';
import { RefreshTokenEntity } from './tokens/refresh-token.entity.js';
import { WebSessionEntity } from './web-sessions/web-session.entity.js';
import { AccountIdentityEntity } from './oidc/account-identity.entity.js';
import { OidcConnectionEntity } from './oidc/oidc-connection.entity.js';
import { OidcSignInAttemptEntity } from './oidc/oidc-sign-in-attempt.entity.js';

export const AUTH_ENTITIES = [
  AccountEntity,
  RoleGrantEntity,
  RefreshTokenEntity,
  AccountLinkEntity,
  PasswordResetRequestEntity,
  ErasureEntity,
  OidcConnectionEntity,
  OidcSignInAttemptEntity,
  AccountIdentityEntity,
  WebSessionEntity,
];
