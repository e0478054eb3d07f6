import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import { NestFactory } from '@nestjs/core';
import { configOrExit } from '@cohesion/config';
import { createLogger, PinoNestLogger } from '@cohesion/common';
import { AppModule } from './app.module.js';
import { DemoDataService } from './demo/demo-data.service.js';
import { setUpHttp } from './http/http.setup.js';

async function bootstrap(): Promise<void> {
  const started = Date.now();
  const config = configOrExit();
  const logger = createLogger(config);
  const app = await NestFactory.create(AppModule.forRoot(config, logger), {
    logger: new PinoNestLogger(logger),
    bodyParser: false,
  });
  setUpHttp(app, config, logger);
  await app.listen(config.port, config.host);

  const { port } = app.getHttpServer().address() as AddressInfo;
  const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`;
  logger.info(
    {
      url,
      website: `${url}/`,
      graphql: `${url}/graphql`,
      database: config.usesEmbeddedDatabase ? `embedded (${config.dataDir})` : 'DATABASE_URL',
      bootMs: Date.now() - started,
    },
    `Cohesion Network: the website on ${url}/, the API on ${url}/graphql`,
  );
  if (!config.isProduction) {
    const demo = app.get(DemoDataService);
    for (const line of await demo.loginHints()) logger.info(line);
  }
}

bootstrap().catch((error: unknown) => {
  process.stderr.write(`Cohesion Network API failed to start: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
