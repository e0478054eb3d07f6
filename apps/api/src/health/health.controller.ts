import { Controller, Get, Inject, Injectable } from '@nestjs/common';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import { DataSource } from 'typeorm';
import { Public } from '@cohesion/auth';
import { API_POLICY } from '../api.policy.js';
import type { Logger } from 'pino';
import { LOGGER, loggableError } from '@cohesion/common';

const CHECK_TIMEOUT_MS = 2000;

@Injectable()
export class DatabaseHealthIndicator {
  constructor(
    private readonly dataSource: DataSource,
    private readonly indicators: HealthIndicatorService,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /** Up when `SELECT 1` answers within 2 s; down says only that (the driver's message names hosts and ports). */
  async check(key: string) {
    const indicator = this.indicators.check(key);
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        this.dataSource.query('SELECT 1'),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error(`timed out after ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS);
        }),
      ]);
      return indicator.up();
    } catch (error) {
      this.logger.warn({ err: loggableError(error) }, 'readiness check: database down');
      const timedOut = (error as Error).message.startsWith('timed out');
      return indicator.down({ message: timedOut ? 'did not answer in time' : 'not reachable' });
    } finally {
      clearTimeout(timer);
    }
  }
}

/**
 * Liveness (the process answers) and readiness (it can reach its database). Not ready
 * answers 503 with the report naming the failing check, as load balancers expect.
 */
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: DatabaseHealthIndicator,
  ) {}

  @Get()
  @Public(API_POLICY.liveness)
  @HealthCheck()
  live() {
    return this.health.check([]);
  }

  @Get('ready')
  @Public(API_POLICY.readiness)
  @HealthCheck()
  ready() {
    return this.health.check([() => this.database.check('database')]);
  }
}
