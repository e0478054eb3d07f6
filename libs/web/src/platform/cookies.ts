import type { CookieOptions, Request, Response } from 'express';

/** The signed-in browser's session (an opaque id; the server keeps the session). */
export const SESSION_COOKIE = 'cn_session';
/** A random value that ties the forms of a browser not yet signed in to it (for their CSRF tokens). */
export const BROWSER_COOKIE = 'cn_browser';
/** One message for the next page (after post-redirect-get), signed. */
export const FLASH_COOKIE = 'cn_flash';

export function cookieOf(request: Request, name: string): string | undefined {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const separator = part.indexOf('=');
    if (separator > 0 && part.slice(0, separator).trim() === name) {
      try {
        return decodeURIComponent(part.slice(separator + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

/** HttpOnly, SameSite=Lax, for the whole site; Secure when the site is served over HTTPS (production). */
export function cookieOptions(secure: boolean, maxAgeMs?: number): CookieOptions {
  return { httpOnly: true, sameSite: 'lax', secure, path: '/', ...(maxAgeMs ? { maxAge: maxAgeMs } : {}) };
}

export function clearCookie(response: Response, name: string, secure: boolean): void {
  response.clearCookie(name, cookieOptions(secure));
}
