import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import { AppConfig } from '@cohesion/config';
import { Viewer } from '@cohesion/common';
import { ACCOUNT_PROFILES, type AccountProfiles } from '../accounts/account-profiles.js';
import { AuthService, type Session } from '../auth.service.js';
import { AuthThrottle } from '../throttling/auth-throttle.js';
import { RefreshTokenEntity } from '../tokens/refresh-token.entity.js';
import { hashToken } from '../tokens/token.service.js';
import { WebSessionEntity } from './web-session.entity.js';
import { webViewerSession } from './web-session.queries.js';

/** A browser's new session: the cookie's value, shown once, and when it ends at the latest. */
export interface StartedWebSession {
  token: string;
  expiresAt: Date;
}

/** The viewer of a browser request, and the session it came with. */
export interface WebViewer {
  viewer: Viewer;
  sessionId: string;
}

/**
 * Sessions of the website. Signing in with a password goes through the API's own login
 * (the same checks and throttles); the web session then rides on the session it began,
 * so the account's "sign out everywhere", a password change or reset, and a suspension
 * end it. The cookie never authenticates the GraphQL API.
 */
@Injectable()
export class WebSessions {
  private readonly standingSql: (accountId: string) => string;

  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly auth: AuthService,
    private readonly throttle: AuthThrottle,
    @Inject(ACCOUNT_PROFILES) profiles: AccountProfiles,
  ) {
    this.standingSql = (accountId) => profiles.standingSql(accountId);
  }

  /** Signs in with a password, throttled with the API's `login` counters. */
  async signIn(input: { email: string; password: string }, ip: string | undefined): Promise<StartedWebSession> {
    const session = await this.throttle.run('login', { ip, email: input.email }, { perEmail: true }, () =>
      this.auth.login(input),
    );
    return this.begin(session);
  }

  /** Starts a web session on a sign-in that has just happened (a password, a council sign-in). */
  async begin(session: Session): Promise<StartedWebSession> {
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + this.config.webSessionMaxHours * 3_600_000);
    await this.dataSource.getRepository(WebSessionEntity).insert({
      tokenHash: hashToken(token),
      accountId: session.account.id,
      familyId: session.familyId,
      sessionEpoch: session.account.sessionEpoch,
      expiresAt,
    });
    return { token, expiresAt };
  }

  /** Who holds this cookie, if its session still stands; keeps the idle timeout moving. */
  async viewerFor(token: string | undefined): Promise<WebViewer | undefined> {
    if (!token || token.length > 128) return undefined;
    const row = await webViewerSession(
      this.dataSource,
      this.standingSql,
      hashToken(token),
      this.config.webSessionIdleMinutes * 60,
    );
    if (!row) return undefined;
    if (row.session_stale) {
      await this.dataSource.getRepository(WebSessionEntity).update({ id: row.session_id }, { lastSeenAt: new Date() });
    }
    return {
      sessionId: row.session_id,
      viewer: Viewer.signedIn(row.account_id, row.grants, {
        emailVerified: row.email_verified,
        verifiedMember: row.verified_member,
      }),
    };
  }

  /** Signs this browser out: the web session and the session it rode on end. Idempotent. */
  async end(token: string | undefined): Promise<void> {
    if (!token || token.length > 128) return;
    await this.dataSource.transaction(async (manager: EntityManager) => {
      const session = await manager.getRepository(WebSessionEntity).findOneBy({ tokenHash: hashToken(token) });
      if (!session) return;
      await manager.delete(WebSessionEntity, { id: session.id });
      await manager.update(
        RefreshTokenEntity,
        { familyId: session.familyId, revokedAt: IsNull() },
        { revokedAt: new Date() },
      );
    });
  }

  /** Signs out every browser and API client of the viewer's account. */
  async endEverywhere(viewer: Viewer): Promise<void> {
    await this.auth.logout(viewer, undefined, true);
  }
}
