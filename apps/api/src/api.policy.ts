import { definePolicies } from '@cohesion/common';

/** The server's own operations, which belong to no domain: the node lookup, health probes and the IDE. */
export const API_POLICY = definePolicies('api', {
  node: {
    sentence: 'each type applies its own visibility rules',
    allows: () => true,
  },
  liveness: {
    sentence: 'liveness probe',
    allows: () => true,
  },
  readiness: {
    sentence: 'readiness probe',
    allows: () => true,
  },
  graphiql: {
    sentence: 'anyone: the in-browser IDE’s own code, outside production',
    allows: () => true,
  },
});
