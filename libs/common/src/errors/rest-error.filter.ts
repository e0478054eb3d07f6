import { Catch, HttpException, Inject, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import type { Logger } from 'pino';
import { LOGGER } from '../logging/logger.token.js';
import { DomainError, type ErrorCode } from './domain-error.js';
import { loggableError } from './postgres-errors.js';

const HTTP_STATUS: Record<ErrorCode, number> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  TOO_MANY_REQUESTS: 429,
};

/**
 * Domain errors on REST endpoints: the HTTP status for the code and the same JSON body
 * GraphQL gives (`{ errors: [{ message, extensions: { code, fields } }] }`), so clients
 * read one error shape. Anything unexpected is logged and answered 500 without detail.
 * Bind it with @UseFilters on a controller.
 */
@Catch()
export class RestErrorFilter implements ExceptionFilter {
  constructor(@Inject(LOGGER) private readonly logger: Logger) {}

  catch(error: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    if (response.headersSent) {
      // A streamed body has begun: cut the connection so the client sees an incomplete
      // file rather than one that merely looks short.
      if (!(error instanceof DomainError))
        this.logger.error({ err: loggableError(error) }, 'REST response failed part way');
      response.destroy();
      return;
    }
    if (error instanceof DomainError) {
      if (error.code === 'UNAUTHENTICATED') response.setHeader('WWW-Authenticate', 'Bearer');
      if (error.details.retryAfterSeconds) response.setHeader('Retry-After', String(error.details.retryAfterSeconds));
      response.status(HTTP_STATUS[error.code]).json({
        errors: [
          {
            message: error.message,
            extensions: { code: error.code, ...(error.details.fields ? { fields: error.details.fields } : {}) },
          },
        ],
      });
      return;
    }
    if (error instanceof HttpException && error.getStatus() < 500) {
      const status = error.getStatus();
      const code = (Object.keys(HTTP_STATUS) as ErrorCode[]).find((known) => HTTP_STATUS[known] === status);
      response
        .status(status)
        .json({ errors: [{ message: error.message, extensions: { code: code ?? 'BAD_REQUEST' } }] });
      return;
    }
    this.logger.error({ err: loggableError(error) }, 'unexpected error in REST request');
    response
      .status(500)
      .json({ errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
  }
}
