import { enforce, type Viewer } from '@cohesion/common';
import { NETWORK_POLICY } from '../network.policy.js';

/** The viewer's practitioner id; only people with a practitioner profile take part in the network. */
export function practitionerOf(viewer: Viewer): string {
  enforce(NETWORK_POLICY.takePart, viewer, undefined);
  return viewer.practitionerId as string;
}
