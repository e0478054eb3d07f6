import { Injectable, type NestMiddleware } from '@nestjs/common';
import express, { type NextFunction, type Response } from 'express';
import { WebSessions } from '@cohesion/auth';
import { AppConfig } from '@cohesion/config';
import { Viewer, type AuthenticatedRequest } from '@cohesion/common';
import { NotificationsService } from '@cohesion/notifications';
import { BROWSER_COOKIE, clearCookie, cookieOf, cookieOptions, FLASH_COOKIE, SESSION_COOKIE } from './cookies.js';
import { randomBinding, WebTokens } from './csrf.js';
import { renderError } from './web-error.filter.js';

/** What every page's layout reads (`res.locals`): who is signed in, the form token, a message from the last step. */
export interface PageLocals {
  viewer: Viewer;
  signedIn: boolean;
  csrfToken: string;
  flash?: string;
  unreadNotifications: number;
  currentPath: string;
}

export interface WebRequest extends AuthenticatedRequest {
  /** The web session the cookie names, when it still stands. */
  webSessionId?: string;
  /** What this browser's CSRF tokens are bound to. */
  csrfBinding?: string;
}

const CHANGES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const formBody = express.urlencoded({ extended: false, limit: '64kb', parameterLimit: 200 });

/**
 * The website's request handling before any page runs, for the web's routes only (the
 * cookie never reaches `/graphql`): the viewer from the session cookie (anonymous when
 * there is none or it has ended), the form body, and the CSRF check of every request that
 * changes anything. Pages then run under the same global guard as the API, on that viewer.
 */
@Injectable()
export class WebSessionMiddleware implements NestMiddleware {
  private readonly secure: boolean;

  constructor(
    private readonly sessions: WebSessions,
    private readonly notifications: NotificationsService,
    private readonly csrf: WebTokens,
    config: AppConfig,
  ) {
    this.secure = config.isProduction;
  }

  use(request: WebRequest, response: Response, next: NextFunction): void {
    this.handle(request, response).then(
      (proceed) => (proceed ? next() : undefined),
      (error: unknown) => next(error),
    );
  }

  private async handle(request: WebRequest, response: Response): Promise<boolean> {
    const found = await this.sessions.viewerFor(cookieOf(request, SESSION_COOKIE));
    if (!found && cookieOf(request, SESSION_COOKIE)) clearCookie(response, SESSION_COOKIE, this.secure);
    request.viewer = found?.viewer ?? Viewer.anonymous();
    request.webSessionId = found?.sessionId;
    request.csrfBinding = found ? `session:${found.sessionId}` : `browser:${this.browserBinding(request, response)}`;

    if (CHANGES.has(request.method)) {
      await new Promise<void>((resolve, reject) =>
        formBody(request, response, (error?: unknown) =>
          error ? reject(error instanceof Error ? error : new Error('The form could not be read')) : resolve(),
        ),
      );
      const token = (request.body as Record<string, unknown> | undefined)?._csrf;
      if (!this.csrf.matches(request.csrfBinding, token)) {
        renderError(response, 403, {
          title: 'This form has expired',
          message:
            'For your security, the form you sent was refused: it was opened too long ago, in another session, or from another site. Go back, reload the page and try again.',
        });
        return false;
      }
    }

    const flash = this.csrf.unsign(cookieOf(request, FLASH_COOKIE));
    if (cookieOf(request, FLASH_COOKIE)) clearCookie(response, FLASH_COOKIE, this.secure);
    const locals: PageLocals = {
      viewer: request.viewer,
      signedIn: request.viewer.isAuthenticated,
      csrfToken: this.csrf.tokenFor(request.csrfBinding),
      flash,
      unreadNotifications:
        request.viewer.isAuthenticated && request.method === 'GET'
          ? await this.notifications.unreadCount(request.viewer)
          : 0,
      currentPath: request.path,
    };
    Object.assign(response.locals, locals);
    response.setHeader('cache-control', 'no-store');
    return true;
  }

  private browserBinding(request: WebRequest, response: Response): string {
    const existing = cookieOf(request, BROWSER_COOKIE);
    if (existing && /^[A-Za-z0-9_-]{32}$/.test(existing)) return existing;
    const binding = randomBinding();
    response.cookie(BROWSER_COOKIE, binding, cookieOptions(this.secure));
    // Later in this request (the page's form token) the new value is the one in force.
    request.headers.cookie = `${request.headers.cookie ? `${request.headers.cookie}; ` : ''}${BROWSER_COOKIE}=${binding}`;
    return binding;
  }
}
