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

/**
 * Apollo behind Nest: schema built from the code in memory (the committed schema.gql is
 * written by `npm run schema:generate`), one LoaderCache per request, errors mapped to
 * the API contract, and depth, cost and CSRF protections on. Apollo's cache-control
 * hints are off: nothing reads them, and their per-field hook wrapped every resolver.
 */
export function graphqlOptions(config: AppConfig, logger: Logger): ApolloDriverConfig {
  return {
    path: '/graphql',
    autoSchemaFile: true,
    sortSchema: true,
    introspection: config.graphqlIntrospection,
    hideSchemaDetailsFromClientErrors: !config.graphqlFieldSuggestions,
    csrfPrevention: true,
    graphiql: !config.isProduction,
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
    ],
    context: ({ req, res }: { req: Request; res: Response }): RequestContext => {
      const request = req as AuthenticatedRequest;
      return { req: request, res, loaders: new LoaderCache(() => request.viewer ?? Viewer.anonymous()) };
    },
  };
}
