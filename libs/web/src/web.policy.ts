import { definePolicies } from '@cohesion/common';

/** Pages that belong to no domain: the home page, the accessibility statement. */
export const WEB_POLICY = definePolicies('web', {
  readPublicPages: {
    sentence: 'anyone: pages about the service itself, with nothing about any person',
    allows: () => true,
  },
  signOut: {
    sentence: 'the browser’s own session: signing out ends it and nothing else',
    allows: () => true,
  },
});
