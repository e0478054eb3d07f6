import { Controller, Get, Injectable, UseFilters } from '@nestjs/common';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import { DataSource } from 'typeorm';
import { Public } from '@cohesion/auth';
import { RestErrorFilter } from '@cohesion/common';

@Injectable()
export class DatabaseHealthIndicator {
  constructor(
    private readonly dataSource: DataSource,
    private readonly indicators: HealthIndicatorService,
  ) {}

  async check(key: string) {
    const indicator = this.indicators.check(key);
    try {
      await Promise.race([
        this.dataSource.query('SELECT 1'),
        new Promise((_, reject) => setTimeout(() => reject(new Error('timed out after 2s')), 2000).unref()),
      ]);
      return indicator.up();
    } catch (error) {
      return indicator.down({ message: (error as Error).message });
    }
  }
}

/** Liveness (the process answers) and readiness (it can reach its database). */
@Controller('health')
@UseFilters(RestErrorFilter)
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: DatabaseHealthIndicator,
  ) {}

  @Get()
  @Public('liveness probe')
  @HealthCheck()
  live() {
    return this.health.check([]);
  }

  @Get('ready')
  @Public('readiness probe')
  @HealthCheck()
  ready() {
    return this.health.check([() => this.database.check('database')]);
  }
}
