import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { configOrExit } from '@cohesion/config';
import { BackgroundRunner, createLogger, PinoNestLogger } from '@cohesion/common';
import { WorkerModule } from './worker.module.js';

/**
 * `npm run start:worker`: delivers notifications and expires introductions, for
 * deployments that run the API with WORKER_IN_PROCESS=false. Needs DATABASE_URL: the
 * embedded database belongs to the one API process that runs it.
 */
async function bootstrap(): Promise<void> {
  const config = configOrExit();
  if (config.usesEmbeddedDatabase) {
    process.stderr.write(
      'The worker needs DATABASE_URL. With the embedded database the API runs the background work itself.\n',
    );
    process.exit(1);
  }
  const logger = createLogger(config, 'cohesion-worker');
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config, logger), {
    logger: new PinoNestLogger(logger),
  });
  app.enableShutdownHooks(['SIGTERM', 'SIGINT']);
  app.get(BackgroundRunner).start(config.workerPollMs);
  logger.info({ pollMs: config.workerPollMs }, 'Cohesion Network worker running');
}

bootstrap().catch((error: unknown) => {
  process.stderr.write(`Cohesion Network worker failed to start: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
