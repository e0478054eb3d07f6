import { forbidden, type Viewer } from '@cohesion/common';

/** The viewer's practitioner id; only people with a practitioner profile take part in the network. */
export function practitionerOf(viewer: Viewer): string {
  if (!viewer.practitionerId) throw forbidden('Only practitioners take part in the network');
  return viewer.practitionerId;
}
