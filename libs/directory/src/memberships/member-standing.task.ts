import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { BackgroundTask } from '@cohesion/common';
import { MembershipsService } from './memberships.service.js';
import { today } from './membership.mapper.js';

/**
 * Once a day, brings every practitioner's verified-member standing up to date as membership
 * dates pass (a start date arriving, an end date gone by). Every other change to standing
 * is made in the transaction that causes it; this catches only the calendar. Writes only
 * the rows whose answer changed, so running it twice (or in several workers) is harmless.
 */
@Injectable()
export class MemberStandingTask implements BackgroundTask {
  readonly name = 'refresh-member-standing';
  private refreshedOn: string | undefined;

  constructor(
    private readonly dataSource: DataSource,
    private readonly memberships: MembershipsService,
  ) {}

  async runOnce(): Promise<number> {
    const day = today();
    if (this.refreshedOn === day) return 0;
    const changed = await this.memberships.refreshStanding(this.dataSource, undefined);
    this.refreshedOn = day;
    return changed;
  }
}
