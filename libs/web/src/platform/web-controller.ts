import { applyDecorators, Controller, createParamDecorator, UseFilters, type ExecutionContext } from '@nestjs/common';
import { Viewer, type AuthenticatedRequest } from '@cohesion/common';
import { WebErrorFilter } from './web-error.filter.js';

/**
 * A controller of website pages: its errors become pages (WebErrorFilter) and the web
 * session middleware runs before it (WebModule binds it to every controller listed in
 * WEB_CONTROLLERS). Each handler still declares its access rule, as resolvers do.
 */
export function WebController(prefix = ''): ClassDecorator {
  return applyDecorators(Controller(prefix), UseFilters(WebErrorFilter));
}

/** The viewer of the page, from the web session (anonymous without one). */
export const PageViewer = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Viewer =>
    context.switchToHttp().getRequest<AuthenticatedRequest>().viewer ?? Viewer.anonymous(),
);
