import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import { AppConfig } from '@cohesion/config';
import { viewerOf, type RequestContext } from '@cohesion/common';
import { Access } from '@cohesion/auth';
import { OPEN_REFERRAL_POLICY } from '../open-referral.policy.js';
import { ImportOpenReferralFeedArgs } from './oruk-import.args.js';
import { OpenReferralImportReport } from './oruk-import.model.js';
import { OpenReferralImportService } from './oruk-import.service.js';

@Resolver()
export class OpenReferralImportResolver {
  constructor(
    private readonly imports: OpenReferralImportService,
    private readonly config: AppConfig,
  ) {}

  @Mutation(() => OpenReferralImportReport, {
    description:
      'Import another publisher’s Open Referral UK 3.0 feed into the directory: its services with their organisations, ' +
      'places, schedules, contacts, costs, languages, areas and taxonomy terms, marked with the feed as their source. ' +
      'Each service is checked against the ORUK schema and written on its own; running it again changes only what ' +
      'changed at the source. Imported organisations are listed publicly as verified. Big feeds: ' +
      '`npm run import:oruk`.',
  })
  @Access('admin', OPEN_REFERRAL_POLICY.importFeed)
  importOpenReferralFeed(
    @Args() args: ImportOpenReferralFeedArgs,
    @Context() context: RequestContext,
  ): Promise<OpenReferralImportReport> {
    return this.imports.importFeed(viewerOf(context), args.url, {
      allowPrivate: this.config.orukImportAllowPrivateUrls,
    });
  }
}
