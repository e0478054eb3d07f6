import { Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import { WebSessions, type Session } from '@cohesion/auth';
import { DomainError } from '@cohesion/common';
import { cookieOf, SESSION_COOKIE } from '../platform/cookies.js';
import { Pages } from '../platform/pages.js';

/** The page that says an emailed link (or a sign-in's code) no longer works, and what to do instead. */
export const LINK_PROBLEM_VIEW = 'accounts/views/link-problem.njk';

/** What a link's page says to do when its link does not work. */
export interface LinkProblemPage {
  title: string;
  /** Where to go instead, and what the link says. */
  next: { href: string; text: string };
}

/**
 * The message of a refusal of the link itself (its token or code, named by one of
 * `fields`), if that is what `error` is; other problems (a password too short) are the
 * form's to show beside their fields.
 */
export function linkRefusalOf(error: unknown, fields: readonly string[]): string | undefined {
  if (!(error instanceof DomainError) || error.code !== 'BAD_USER_INPUT') return undefined;
  return error.details.fields?.find((problem) => fields.includes(problem.field))?.message;
}

/** Renders the link's problem page (400): the service's own words, and the way on. */
export function renderLinkProblem(response: Response, message: string, page: LinkProblemPage): void {
  // A validator's words ("is required") mean the address was cut short.
  const said = /^[A-Z]/.test(message)
    ? message
    : 'The link is not complete. Copy the whole link from the email into your browser, or ask for a new one';
  response.status(400).render(LINK_PROBLEM_VIEW, { ...page, message: said });
}

/** The client's address, as the throttles count it (the API's `request.ip`). */
export function callerOf(request: Request): { ip: string | undefined } {
  return { ip: request.ip };
}

/** The signed-in person's parts of the messages the API writes: without the names of API operations in brackets. */
export function inWords(message: string): string {
  return message.replace(/\s*\([a-z]+[A-Z]\w*[^)]*\)/g, '');
}

/**
 * Starts this browser's web session on a sign-in that has just happened (a council
 * sign-in, a changed password): any session the browser had before ends first.
 */
@Injectable()
export class BrowserSessions {
  constructor(
    private readonly sessions: WebSessions,
    private readonly pages: Pages,
  ) {}

  async begin(request: Request, response: Response, session: Session): Promise<void> {
    await this.sessions.end(cookieOf(request, SESSION_COOKIE));
    this.pages.startSession(response, await this.sessions.begin(session));
  }

  /** This browser is signed out (its session already ended on the server, or ending now). */
  async end(request: Request, response: Response): Promise<void> {
    await this.sessions.end(cookieOf(request, SESSION_COOKIE));
    this.pages.endSession(response);
  }
}
