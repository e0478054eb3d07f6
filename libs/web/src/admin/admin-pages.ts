import { applyDecorators, Catch, Controller, UseFilters, type ArgumentsHost } from '@nestjs/common';
import { callerErrorOf, type AuthenticatedRequest } from '@cohesion/common';
import { PAGE_NOT_FOUND, renderError, WebErrorFilter } from '../platform/web-error.filter.js';

/**
 * Errors on the admin pages: to anyone signed in who is not a platform admin, every admin
 * address answers "Page not found", as an address that does not exist would, so the pages
 * say nothing about what is there. A browser that is not signed in is sent to sign in (an
 * admin following a link from an email); everything else is answered as on any page.
 */
@Catch()
export class AdminErrorFilter extends WebErrorFilter {
  override catch(error: unknown, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<AuthenticatedRequest>();
    const viewer = request.viewer;
    const signedOut = callerErrorOf(error)?.error.code === 'UNAUTHENTICATED';
    if (!signedOut && viewer?.isAuthenticated && !viewer.isAdmin) {
      return renderError(host.switchToHttp().getResponse(), 404, PAGE_NOT_FOUND);
    }
    return super.catch(error, host);
  }
}

/** A controller of admin pages (under /admin): `@WebController` with the admin pages' errors. */
export function AdminController(prefix: string): ClassDecorator {
  return applyDecorators(Controller(`admin${prefix ? `/${prefix}` : ''}`), UseFilters(AdminErrorFilter));
}

/** The admin area's sections, for its sub-navigation. */
export const ADMIN_SECTIONS = [
  { key: 'overview', href: '/admin', text: 'Overview' },
  { key: 'organisations', href: '/admin/organisations', text: 'Organisations' },
  { key: 'email-domains', href: '/admin/email-domains', text: 'Email domains' },
  { key: 'misuse-reports', href: '/admin/misuse-reports', text: 'Misuse reports' },
  { key: 'accounts', href: '/admin/accounts', text: 'Accounts' },
];

/** The sub-navigation with `active` marked. */
export function adminNavigation(active: string) {
  return ADMIN_SECTIONS.map((section) => ({ href: section.href, text: section.text, active: section.key === active }));
}
