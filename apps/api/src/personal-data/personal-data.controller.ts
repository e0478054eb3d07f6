import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Controller, Get, Inject, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { Logger } from 'pino';
import { Access, AUTH_POLICY, PERSONAL_DATA_FILENAME } from '@cohesion/auth';
import { enforce, LOGGER, loggableError, Viewer, type AuthenticatedRequest } from '@cohesion/common';
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
    response.status(200);
    response.setHeader('content-type', 'application/json; charset=utf-8');
    response.setHeader('content-disposition', `attachment; filename="${PERSONAL_DATA_FILENAME}"`);
    response.setHeader('cache-control', 'private, no-store');
    response.setHeader('x-content-type-options', 'nosniff');
    try {
      await pipeline(Readable.from(this.personalData.document(viewer.accountId as string)), response);
    } catch (error) {
      // The client went away, or reading failed part-way: the connection is closed unfinished.
      if (!response.writableFinished && !response.destroyed) response.destroy();
      if ((error as { code?: string } | undefined)?.code !== 'ERR_STREAM_PREMATURE_CLOSE') {
        this.logger.error({ err: loggableError(error) }, 'exporting personal data failed part-way');
      }
    }
  }
}
