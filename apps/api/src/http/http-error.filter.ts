import { Catch, NotFoundException, type ArgumentsHost } from '@nestjs/common';
import type { Request, Response } from 'express';
import { RestErrorFilter } from '@cohesion/common';
import { PAGE_NOT_FOUND, renderError } from '@cohesion/web';

/**
 * Errors on every HTTP route: the REST error body (RestErrorFilter), except that an
 * address nothing answers, asked for by a browser (a GET that accepts HTML), gets the
 * website's "Page not found" page.
 */
@Catch()
export class HttpErrorFilter extends RestErrorFilter {
  override catch(error: unknown, host: ArgumentsHost): void {
    if (host.getType() === 'http' && error instanceof NotFoundException && error.message.startsWith('Cannot ')) {
      const request = host.switchToHttp().getRequest<Request>();
      if (request.method === 'GET' && (request.headers.accept ?? '').includes('text/html')) {
        renderError(host.switchToHttp().getResponse<Response>(), 404, PAGE_NOT_FOUND);
        return;
      }
    }
    super.catch(error, host);
  }
}
