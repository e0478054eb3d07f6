import { Get, Render } from '@nestjs/common';
import { Public } from '@cohesion/auth';
import { toGlobalId } from '@cohesion/common';
import { GRANTS_POLICY, PublishingService } from '@cohesion/grants';
import { WebController } from '../platform/web-controller.js';
import { poundsOf } from './service-words.js';

/** Funding: the councils' micro-grants, published as open data in the 360Giving Data Standard. */
@WebController('funding')
export class FundingController {
  constructor(private readonly publishing: PublishingService) {}

  @Get()
  @Public(GRANTS_POLICY.publishGrants)
  @Render('directory/views/funding.njk')
  async funding(): Promise<Record<string, unknown>> {
    const publishers = await this.publishing.publishers();
    return {
      publishers: publishers.map((publisher) => ({
        name: publisher.name,
        href: `/organisations/${toGlobalId('Organisation', publisher.councilId)}`,
        awards: publisher.awards,
        json: `/grants/360giving/councils/${publisher.councilId}.json`,
        csv: `/grants/360giving/councils/${publisher.councilId}.csv`,
        funds: publisher.funds.map((fund) => ({
          name: fund.name,
          financialYear: fund.financialYear,
          awards: fund.awards,
          awarded: poundsOf(fund.awardedPence),
          json: `/grants/360giving/funds/${fund.fundId}.json`,
          csv: `/grants/360giving/funds/${fund.fundId}.csv`,
        })),
      })),
    };
  }
}
