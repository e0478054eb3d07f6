import type { Response } from 'express';
import type { Viewer } from '@cohesion/common';
import { NetworkStandingValue } from '@cohesion/directory';
import type { PeopleReader } from './people.reader.js';

/**
 * The answer to a signed-in person below the verified-member tier on a people page: where
 * they stand and what to do next, in the words of the API's `networkAccess`, with 403 (they
 * may not use the page yet). Nothing about anyone else: the same for every address.
 */
export async function renderStanding(
  response: Response,
  people: PeopleReader,
  viewer: Viewer,
  page: string,
): Promise<void> {
  const access = await people.standing(viewer);
  response.status(403).render('people/views/standing.njk', {
    page,
    access,
    emailNotVerified: access.standing === NetworkStandingValue.EMAIL_NOT_VERIFIED,
  });
}
