import { Catch, HttpException, Inject, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Logger } from 'pino';
import { callerErrorOf, LOGGER, loggableError, type DomainError } from '@cohesion/common';
import { CONTENT_SECURITY_POLICY } from './web-setup.js';

export interface ErrorPage {
  title: string;
  message: string;
  /** Each problem with the request, when there are several (a form's fields). */
  problems?: string[];
}

const NOT_FOUND: ErrorPage = {
  title: 'Page not found',
  message:
    'If you typed the web address, check it is correct. If you followed a link, the page may have moved, or you may not be able to see it.',
};

/** Renders the error page; the layout reads whatever of the page's locals are there. */
export function renderError(response: Response, status: number, page: ErrorPage): void {
  response.status(status);
  response.setHeader('cache-control', 'no-store');
  if (!response.getHeader('content-security-policy')) {
    response.setHeader('content-security-policy', CONTENT_SECURITY_POLICY);
    response.setHeader('x-frame-options', 'DENY');
    response.setHeader('x-content-type-options', 'nosniff');
  }
  response.render('platform/views/error.njk', { ...page, status }, (error: Error | null, html?: string) => {
    if (error) {
      response.type('text/plain').send(`${page.title}\n\n${page.message}`);
      return;
    }
    response.type('html').send(html);
  });
}

/**
 * Errors on the website's pages, as pages: a page that needs a signed-in person sends the
 * browser to sign in and back; a record that is not there or not the viewer's to see is
 * "Page not found", the same for both, so a page never says whether something it hides
 * exists; a refusal says what the rule is; anything unexpected is logged and answered
 * without detail.
 */
@Catch()
export class WebErrorFilter implements ExceptionFilter {
  constructor(@Inject(LOGGER) private readonly logger: Logger) {}

  catch(error: unknown, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<Request>();
    const response = host.switchToHttp().getResponse<Response>();
    if (response.headersSent) {
      response.destroy();
      return;
    }
    const known = callerErrorOf(error);
    if (!known) {
      this.logger.error({ err: loggableError(error) }, 'unexpected error on a web page');
      renderError(response, 500, {
        title: 'Sorry, there is a problem with the service',
        message: 'Try again later. Nothing you sent has been saved unless a page told you so.',
      });
      return;
    }
    const domain: DomainError = known.error;
    switch (domain.code) {
      case 'UNAUTHENTICATED': {
        const back = request.method === 'GET' ? request.originalUrl : '/';
        response.redirect(303, `/sign-in?next=${encodeURIComponent(back)}`);
        return;
      }
      case 'NOT_FOUND':
        return renderError(response, 404, NOT_FOUND);
      case 'FORBIDDEN':
        return renderError(response, 403, { title: 'You cannot do this', message: domain.message });
      case 'TOO_MANY_REQUESTS':
        if (domain.details.retryAfterSeconds)
          response.setHeader('Retry-After', String(domain.details.retryAfterSeconds));
        return renderError(response, 429, { title: 'Too many attempts', message: domain.message });
      case 'SERVICE_UNAVAILABLE':
        if (domain.details.retryAfterSeconds)
          response.setHeader('Retry-After', String(domain.details.retryAfterSeconds));
        return renderError(response, 503, {
          title: 'Sorry, the service is unavailable',
          message: domain.message,
        });
      case 'BAD_USER_INPUT':
        // An id in the address that is not one of ours is a page that does not exist.
        if (error instanceof HttpException) return renderError(response, 404, NOT_FOUND);
        return renderError(response, 400, {
          title: 'There is a problem with what was sent',
          message: 'Go back and check it.',
          problems: (domain.details.fields ?? []).map((problem) => problem.message),
        });
      case 'CONFLICT':
        return renderError(response, 409, { title: 'This has changed', message: domain.message });
    }
  }
}

export const PAGE_NOT_FOUND = NOT_FOUND;
