import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext, type GqlContextType } from '@nestjs/graphql';
import { AuthGuard } from '@nestjs/passport';
import type { Logger } from 'pino';
import {
  emailNotVerified,
  forbidden,
  LOGGER,
  unauthenticated,
  Viewer,
  type AuthenticatedRequest,
} from '@cohesion/common';
import { ACCESS_RULE, type AccessRule } from './access.decorator.js';

const BEARER = /^Bearer\s+\S+/i;

export function requestOf(context: ExecutionContext): AuthenticatedRequest {
  if (context.getType<GqlContextType>() === 'graphql') {
    return GqlExecutionContext.create(context).getContext<{ req: AuthenticatedRequest }>().req;
  }
  return context.switchToHttp().getRequest<AuthenticatedRequest>();
}

/** passport-jwt through Nest's AuthGuard, reporting failures in the API's own terms. */
class JwtAuthGuard extends AuthGuard('jwt') {
  override getRequest(context: ExecutionContext): AuthenticatedRequest {
    return requestOf(context);
  }

  getResponse(context: ExecutionContext): unknown {
    return requestOf(context).res;
  }

  override handleRequest<TUser = Viewer>(error: Error | null, viewer: TUser | false, info: unknown): TUser {
    // An error here was thrown while checking a token that verified (loading the session):
    // a refusal of ours, or a fault such as an unreachable database, which must reach the
    // caller as what it is (SERVICE_UNAVAILABLE), never as a token they should throw away.
    if (error) throw error;
    if (!viewer) {
      const expired = (info as { name?: string } | undefined)?.name === 'TokenExpiredError';
      throw unauthenticated(expired ? 'The access token has expired; refresh it' : 'The access token is not valid');
    }
    return viewer;
  }
}

/**
 * The global guard. Denies by default: an operation without an @Access rule is
 * refused. Authenticates once per request and keeps the viewer on the request.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly jwt = new JwtAuthGuard();

  constructor(
    private readonly reflector: Reflector,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!rule) {
      this.logger.error(
        { handler: `${context.getClass().name}.${context.getHandler().name}` },
        'operation has no access rule; refused',
      );
      throw forbidden('This operation is not open to anyone');
    }
    const request = requestOf(context);
    const viewer = await this.authenticate(context, request);
    if (rule.level === 'public') return true;
    if (!viewer.isAuthenticated) throw unauthenticated();
    if (rule.level === 'account') return true;
    if (!viewer.emailVerified) throw emailNotVerified();
    if (rule.level === 'admin' && !viewer.isAdmin) throw forbidden('Only platform admins can do this');
    return true;
  }

  private async authenticate(context: ExecutionContext, request: AuthenticatedRequest): Promise<Viewer> {
    if (request.viewer) return request.viewer;
    if (!BEARER.test(request.headers.authorization ?? '')) {
      request.viewer = Viewer.anonymous();
      return request.viewer;
    }
    await this.jwt.canActivate(context);
    // passport puts the result of JwtStrategy.validate on request.user.
    request.viewer = (request as AuthenticatedRequest & { user: Viewer }).user;
    return request.viewer;
  }
}
