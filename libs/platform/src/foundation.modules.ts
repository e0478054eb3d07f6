import type { DynamicModule } from '@nestjs/common';
import type { Logger } from 'pino';
import { ConfigModule, type AppConfig } from '@cohesion/config';
import { CommonModule } from '@cohesion/common';
import { DatabaseModule } from '@cohesion/database';
import { SCHEMA } from './schema.js';

/**
 * What every process stands on, whatever domains it then loads: the validated
 * configuration, the logger, and the database with the whole schema.
 */
export function foundationModules(config: AppConfig, logger: Logger): DynamicModule[] {
  return [ConfigModule.forRoot(config), CommonModule.forRoot(logger), DatabaseModule.forRoot(SCHEMA)];
}
