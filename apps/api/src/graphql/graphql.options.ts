import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import type { ApolloDriverConfig } from '@nestjs/apollo';
import type { Request, Response } from 'express';
import type { Logger } from 'pino';
import type { AppConfig } from '@cohesion/config';
import {
  createErrorFormatter,
  MAX_EXPANDED_FIELDS,
  queryLimitsPlugin,
  LoaderCache,
  servePrefetched,
  retryAfterPlugin,
  Viewer,
  type AuthenticatedRequest,
  type RequestContext,
} from '@cohesion/common';
import { graphiqlLandingPage } from './graphiql.js';

/**
 * Apollo behind Nest: schema built from the code in memory (the committed schema.gql is
 * written by `npm run schema:generate`), one LoaderCache per request, errors mapped to
 * the API contract, and depth, cost and CSRF protections on. Apollo's cache-control
 * hints are off: nothing reads them, and their per-field hook wrapped every resolver.
 * Outside production a browser at /graphql gets GraphiQL, served from this server.
 */
export function graphqlOptions(config: AppConfig, logger: Logger): ApolloDriverConfig {
  const path = '/graphql';
  return {
    path,
    autoSchemaFile: true,
    sortSchema: true,
    introspection: config.graphqlIntrospection,
    hideSchemaDetailsFromClientErrors: !config.graphqlFieldSuggestions,
    csrfPrevention: true,
    // Nest's own GraphiQL page loads its code from a CDN; ours (below) does not.
    graphiql: false,
    includeStacktraceInErrorResponses: config.isDevelopment,
    autoTransformHttpErrors: false,
    formatError: createErrorFormatter(logger, config.isDevelopment),
    transformSchema: servePrefetched,
    plugins: [
      queryLimitsPlugin({
        maxDepth: config.graphqlMaxDepth,
        maxRootFields: config.graphqlMaxRootFields,
        maxAliases: config.graphqlMaxAliases,
        maxFields: MAX_EXPANDED_FIELDS,
        maxComplexity: config.graphqlMaxComplexity,
      }),
      retryAfterPlugin(),
      ApolloServerPluginCacheControlDisabled(),
      ...(config.isProduction ? [] : [graphiqlLandingPage(path)]),
    ],
    context: ({ req, res }: { req: Request; res: Response }): RequestContext => {
      const request = req as AuthenticatedRequest;
      return { req: request, res, loaders: new LoaderCache(() => request.viewer ?? Viewer.anonymous()) };
    },
  };
}
