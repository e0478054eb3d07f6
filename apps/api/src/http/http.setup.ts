import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import type { AppConfig } from '@cohesion/config';
import { runInRequestContext } from '@cohesion/common';
import { withStatementTally, type StatementTally } from '@cohesion/database';
import { setUpWeb } from '@cohesion/web';
import { graphiqlPolicy } from '../graphql/graphiql.js';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** Open data (the Open Referral UK feed, published grants): readable from any origin. */
const OPEN_DATA_PATHS = ['/openreferral/', '/grants/360giving/'];

interface TalliedRequest extends Request {
  tally?: StatementTally;
}

/**
 * HTTP plumbing shared by the server and the tests: request ids (echoed as
 * x-request-id), a request context that logs and audit rows can read, one JSON log line
 * per request with its SQL statement count, and a bounded JSON body.
 */
export function setUpHttp(app: INestApplication, config: AppConfig, logger: Logger): void {
  const server = app.getHttpAdapter().getInstance() as express.Express;
  if (config.trustProxy) server.set('trust proxy', true);
  server.disable('x-powered-by');

  app.use((req: TalliedRequest, res: Response, next: NextFunction) => {
    const incoming = req.headers['x-request-id'];
    const requestId = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    req.id = requestId;
    res.setHeader('x-request-id', requestId);
    const tally: StatementTally = { statements: 0 };
    req.tally = tally;
    runInRequestContext({ requestId }, () => withStatementTally(tally, () => next()));
  });

  app.use(
    pinoHttp({
      logger,
      genReqId: (req) => (req as TalliedRequest).id,
      customProps: (req) => ({ sqlStatements: (req as TalliedRequest).tally?.statements }),
      autoLogging: { ignore: (req) => req.url?.startsWith('/health') ?? false },
      serializers: {
        req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
    }),
  );

  app.use(express.json({ limit: config.requestBodyLimit }));
  app.use((error: { type?: string; status?: number }, _req: Request, res: Response, next: NextFunction) => {
    if (error?.type === 'entity.too.large') {
      res.status(413).json({
        errors: [
          {
            message: `The request body is larger than ${config.requestBodyLimit}`,
            extensions: { code: 'PAYLOAD_TOO_LARGE' },
          },
        ],
      });
      return;
    }
    if (error?.type === 'entity.parse.failed') {
      res
        .status(400)
        .json({ errors: [{ message: 'The request body is not valid JSON', extensions: { code: 'BAD_REQUEST' } }] });
      return;
    }
    next(error);
  });

  // The open-data feeds are for every origin, whatever the API's own allowed origins are:
  // every answer (errors and refusals too) says so, and a browser's preflight is answered
  // here, before the API's own CORS rules see it.
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (!OPEN_DATA_PATHS.some((prefix) => req.url.startsWith(prefix))) return next();
    res.setHeader('access-control-allow-origin', '*');
    if (req.method !== 'OPTIONS') return next();
    res
      .status(204)
      .setHeader('access-control-allow-methods', 'GET, OPTIONS')
      .setHeader('access-control-allow-headers', '*')
      .setHeader('access-control-max-age', '86400')
      .end();
  });
  setUpWeb(app, config);
  if (!config.isProduction) app.use('/graphql', graphiqlPolicy);
  if (config.corsOrigins.length) app.enableCors({ origin: config.corsOrigins, credentials: false });
  app.enableShutdownHooks(['SIGTERM', 'SIGINT']);
}
