import type { Request, Response } from 'express';
import type { LoaderCache } from '../loaders/loader-cache.js';
import { Viewer } from '../viewer.js';

export interface AuthenticatedRequest extends Request {
  /** Set by the auth guard once per request. */
  viewer?: Viewer;
}

/** The GraphQL context: built once per request by the context factory. */
export interface RequestContext {
  req: AuthenticatedRequest;
  res: Response;
  loaders: LoaderCache;
}

export function viewerOf(context: RequestContext): Viewer {
  return context.req.viewer ?? Viewer.anonymous();
}
