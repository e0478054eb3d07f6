import { Catch, HttpException, Inject, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import type { Logger } from 'pino';
import { LOGGER } from '../logging/logger.token.js';
import { callerErrorOf, callerExtensions } from './caller-errors.js';
import { DomainError, HTTP_STATUS } from './domain-error.js';
import { loggableError } from './postgres-errors.js';

/**
 * A report that says itself what failed, such as a readiness check's (`{ status:
 * 'error', error: { database: { status: 'down' } } }`): sent as it is, with its status.
 */
function isStatusReport(body: unknown): body is { status: string } {
  return typeof body === 'object' && body !== null && typeof (body as { status?: unknown }).status === 'string';
}

/**
 * Errors on every HTTP route (REST endpoints, static files, a route that does not exist):
 * the status HTTP_STATUS gives the code and the same JSON body GraphQL gives
 * (`{ errors: [{ message, extensions: { code, fields } }] }`), so clients read one error
 * shape; the mapping is the one every transport uses (callerErrorOf), so a refusal that
 * passes (an outage, a throttle) answers with Retry-After. Anything unexpected is logged
 * and answered 500 without detail. The application binds it globally (APP_FILTER).
 */
@Catch()
export class RestErrorFilter implements ExceptionFilter {
  constructor(@Inject(LOGGER) private readonly logger: Logger) {}

  catch(error: unknown, host: ArgumentsHost): void {
    // GraphQL errors are formatted by its own formatter (graphql/error-formatter.ts), from
    // the same mapping: handing the error back (returning nothing) lets it reach Apollo.
    if (host.getType() !== 'http') return;
    const response = host.switchToHttp().getResponse<Response>();
    if (response.headersSent) {
      // A streamed body has begun: cut the connection so the client sees an incomplete
      // file rather than one that merely looks short.
      if (!(error instanceof DomainError))
        this.logger.error({ err: loggableError(error) }, 'REST response failed part way');
      response.destroy();
      return;
    }
    const known = callerErrorOf(error);
    if (known) {
      const { error: domain, cause } = known;
      if (cause === 'database unavailable' || cause === 'database constraint') {
        this.logger.warn({ err: loggableError(error) }, `${cause} in REST request`);
      }
      if (domain.code === 'UNAUTHENTICATED') response.setHeader('WWW-Authenticate', 'Bearer');
      if (domain.details.retryAfterSeconds) response.setHeader('Retry-After', String(domain.details.retryAfterSeconds));
      const body = error instanceof HttpException ? error.getResponse() : undefined;
      if (domain.code === 'SERVICE_UNAVAILABLE' && isStatusReport(body)) {
        response.status(HTTP_STATUS.SERVICE_UNAVAILABLE).json(body);
        return;
      }
      response
        .status(HTTP_STATUS[domain.code])
        .json({ errors: [{ message: domain.message, extensions: callerExtensions(domain) }] });
      return;
    }
    if (error instanceof HttpException && error.getStatus() < 500) {
      response
        .status(error.getStatus())
        .json({ errors: [{ message: error.message, extensions: { code: 'BAD_REQUEST' } }] });
      return;
    }
    this.logger.error({ err: loggableError(error) }, 'unexpected error in REST request');
    response
      .status(500)
      .json({ errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
  }
}
