import { Controller, Get, Inject, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { Logger } from 'pino';
import { Access, AUTH_POLICY, sendPersonalData } from '@cohesion/auth';
import { enforce, LOGGER, Viewer, type AuthenticatedRequest } from '@cohesion/common';
import { PersonalDataService } from './personal-data.service.js';

/** GET /account/export: a copy of everything held about the signed-in person, as a JSON download. */
@Controller('account')
export class PersonalDataController {
  constructor(
    private readonly personalData: PersonalDataService,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  @Get('export')
  @Access('account', AUTH_POLICY.exportOwnData)
  async export(@Req() request: AuthenticatedRequest, @Res() response: Response): Promise<void> {
    const viewer = request.viewer ?? Viewer.anonymous();
    enforce(AUTH_POLICY.exportOwnData, viewer, undefined);
    await sendPersonalData(
      response,
      this.personalData.document(viewer.accountId as string),
      this.logger,
      'exporting personal data',
    );
  }
}
