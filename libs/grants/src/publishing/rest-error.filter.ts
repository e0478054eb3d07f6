import { Catch, HttpException, Inject, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import type { Logger } from 'pino';
import { DomainError, LOGGER, loggableError, type ErrorCode } from '@cohesion/common';

const STATUS_OF: Record<ErrorCode, number> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  TOO_MANY_REQUESTS: 429,
};
const CODE_OF: Record<number, ErrorCode> = Object.fromEntries(
  Object.entries(STATUS_OF).map(([code, status]) => [status, code as ErrorCode]),
);

/**
 * Errors of the REST endpoints in the API's own terms: the HTTP status that matches the
 * domain error, and a JSON body shaped like a GraphQL error (`errors[0].message`,
 * `errors[0].extensions.code`). Nothing internal reaches the client. When a streamed
 * body has already begun, the connection is cut so the client sees an incomplete file
 * rather than one that merely looks short.
 */
@Catch()
export class RestErrorFilter implements ExceptionFilter {
  constructor(@Inject(LOGGER) private readonly logger: Logger) {}

  catch(error: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    let status = 500;
    let code: string = 'INTERNAL_SERVER_ERROR';
    let message = 'Internal server error';
    if (error instanceof DomainError) {
      status = STATUS_OF[error.code];
      code = error.code;
      message = error.message;
      if (error.details.retryAfterSeconds) response.setHeader('retry-after', String(error.details.retryAfterSeconds));
    } else if (error instanceof HttpException && CODE_OF[error.getStatus()]) {
      status = error.getStatus();
      code = CODE_OF[status];
      message = error.message;
    } else {
      this.logger.error({ err: loggableError(error) }, 'unexpected error in a REST endpoint');
    }
    if (response.headersSent) {
      response.destroy();
      return;
    }
    response.status(status).json({ errors: [{ message, extensions: { code } }] });
  }
}
