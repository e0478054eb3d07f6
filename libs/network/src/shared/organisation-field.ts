import type { RequestContext } from '@cohesion/common';
import { OrganisationByIdLoader, recordToOrganisation, type Organisation } from '@cohesion/directory';

/** An organisation as the viewer may see it (null when they may not), through the request's loader. */
export async function organisationFor(
  loader: OrganisationByIdLoader,
  context: RequestContext,
  organisationId: string | null,
): Promise<Organisation | null> {
  if (!organisationId) return null;
  const record = await context.loaders.get(loader).load(organisationId);
  return record ? recordToOrganisation(record) : null;
}
