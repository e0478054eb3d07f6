import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { Controller, Get, Inject, Param, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { Logger } from 'pino';
import { Public } from '@cohesion/auth';
import { LOGGER, loggableError } from '@cohesion/common';
import { GRANTS_POLICY } from '../../grants.policy.js';
import { PublishingService, type Publication } from './publishing.service.js';

/**
 * Published grants in the 360Giving Data Standard, open to all: a fund's awards or a
 * council's (every fund it runs), as a JSON package or the flat CSV. Unknown or
 * malformed ids, and funds or councils with no awards yet, are NOT_FOUND.
 */
@Controller('grants/360giving')
export class ThreeSixtyGivingController {
  constructor(
    private readonly publishing: PublishingService,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  @Get('funds/:fundId.json')
  @Public(GRANTS_POLICY.publishGrants)
  async fundJson(@Param('fundId') fundId: string, @Res() response: Response): Promise<void> {
    const publication = await this.publishing.forFund(fundId);
    await this.send(response, publication, 'json');
  }

  @Get('funds/:fundId.csv')
  @Public(GRANTS_POLICY.publishGrants)
  async fundCsv(@Param('fundId') fundId: string, @Res() response: Response): Promise<void> {
    const publication = await this.publishing.forFund(fundId);
    await this.send(response, publication, 'csv');
  }

  @Get('councils/:organisationId.json')
  @Public(GRANTS_POLICY.publishGrants)
  async councilJson(@Param('organisationId') organisationId: string, @Res() response: Response): Promise<void> {
    const publication = await this.publishing.forCouncil(organisationId);
    await this.send(response, publication, 'json');
  }

  @Get('councils/:organisationId.csv')
  @Public(GRANTS_POLICY.publishGrants)
  async councilCsv(@Param('organisationId') organisationId: string, @Res() response: Response): Promise<void> {
    const publication = await this.publishing.forCouncil(organisationId);
    await this.send(response, publication, 'csv');
  }

  private async send(response: Response, publication: Publication, format: 'json' | 'csv'): Promise<void> {
    const filename = `${publication.filename}.${format}`;
    response.status(200);
    response.setHeader(
      'content-type',
      format === 'json' ? 'application/json; charset=utf-8' : 'text/csv; charset=utf-8; header=present',
    );
    response.setHeader('content-disposition', `${format === 'json' ? 'inline' : 'attachment'}; filename="${filename}"`);
    response.setHeader('cache-control', 'public, max-age=300');
    response.setHeader('x-content-type-options', 'nosniff');
    response.setHeader('x-total-count', String(publication.awards));
    const pieces = format === 'json' ? this.publishing.json(publication) : this.publishing.csv(publication);
    try {
      // A byte stream: pieces are pulled as the client takes them (one page read ahead), so a
      // slow client slows the reading rather than filling memory.
      await pipeline(Readable.from(pieces, { objectMode: false }), response);
    } catch (error) {
      // The client went away, or reading failed part-way: the connection is closed unfinished.
      if (!response.writableFinished && !response.destroyed) response.destroy();
      if (!isPrematureClose(error)) {
        this.logger.error({ err: loggableError(error), filename }, 'publishing a 360Giving file failed part-way');
      }
    }
  }
}

function isPrematureClose(error: unknown): boolean {
  return (error as { code?: string } | undefined)?.code === 'ERR_STREAM_PREMATURE_CLOSE';
}
