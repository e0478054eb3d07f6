import { viewerOf, type RequestContext } from '@cohesion/common';
import { PractitionerByIdLoader, relationshipOf, toPractitioner, type Practitioner } from '@cohesion/directory';

/** A practitioner as the viewer may see them (null when they may not), through the request's loader. */
export async function practitionerFor(
  loader: PractitionerByIdLoader,
  context: RequestContext,
  practitionerId: string | null,
): Promise<Practitioner | null> {
  if (!practitionerId) return null;
  const record = await context.loaders.get(loader).load(practitionerId);
  return record ? toPractitioner(record, relationshipOf(viewerOf(context), record)) : null;
}
