import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { join } from 'node:path';
import { Controller, Get, Inject, Param, Req, Res } from '@nestjs/common';
import type { Logger } from 'pino';
import type { Request, Response } from 'express';
import { Public, RateLimiter } from '@cohesion/auth';
import { AppConfig } from '@cohesion/config';
import { LOGGER, loggableError, tooManyRequests } from '@cohesion/common';
import { OPEN_REFERRAL_POLICY } from '../open-referral.policy.js';
import { orukStandardDir } from '../standard/oruk-schemas.js';
import type { FeedPage, Json } from './feed.mapper.js';
import { parseFeedQuery, pathId, type FeedParameter } from './feed.params.js';
import { FeedService } from './feed.service.js';

export const OPEN_REFERRAL_BASE = 'openreferral/v3';
const POLICY = OPEN_REFERRAL_POLICY.readFeed;
const PROFILE = 'https://github.com/OpenReferralUK/uk-profile/blob/main/docs/index.md';

const PAGING: FeedParameter[] = ['page', 'per_page', 'format'];
const SERVICE_FILTERS: FeedParameter[] = [
  'search',
  'taxonomy_term_id',
  'taxonomy_id',
  'organization_id',
  'modified_after',
];

/**
 * The service directory as an Open Referral UK 3.0 feed: open to all (no token; CORS
 * `*` from setUpHttp), rate limited per client address, read-only. Lists are paged with ORUK's
 * envelope; a bad parameter is a 400 naming it, an unknown id a 404.
 */
@Controller(OPEN_REFERRAL_BASE)
export class OpenReferralController {
  private openapi?: Buffer;

  constructor(
    private readonly feed: FeedService,
    private readonly limiter: RateLimiter,
    private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  @Get()
  @Public(POLICY)
  details(@Req() request: Request, @Res({ passthrough: true }) response: Response): Json {
    this.open(request, response);
    return {
      version: 'HSDS-UK-3.0',
      profile: PROFILE,
      openapi_url: `${this.config.publicUrl.replace(/\/$/, '')}/${OPEN_REFERRAL_BASE}/openapi.json`,
    };
  }

  @Get('openapi.json')
  @Public(POLICY)
  openApi(@Req() request: Request, @Res() response: Response): void {
    this.open(request, response);
    this.openapi ??= readFileSync(join(orukStandardDir(), 'openapi.json'));
    response.type('application/json').send(this.openapi);
  }

  @Get('services')
  @Public(POLICY)
  async services(@Req() request: Request, @Res() response: Response): Promise<void> {
    const query = this.query(request, response, [
      ...SERVICE_FILTERS,
      ...PAGING,
      'minimal',
      'full',
      'minimum_age',
      'maximum_age',
      'day',
      'start_time',
      'end_time',
    ]);
    if (query.format === 'json') {
      response.json(await this.feed.services(query));
      return;
    }
    response.status(200).type('application/x-ndjson');
    try {
      // A byte stream pulled as the client reads it, so a slow client slows the reading, not memory.
      await pipeline(Readable.from(this.feed.serviceLines(query), { objectMode: false }), response);
    } catch (error) {
      // Cut short (the client left, or a read failed): the connection closes unfinished.
      if (!response.writableFinished && !response.destroyed) response.destroy();
      if ((error as { code?: string }).code !== 'ERR_STREAM_PREMATURE_CLOSE') {
        this.logger.error({ err: loggableError(error) }, 'streaming the Open Referral services failed part-way');
      }
    }
  }

  @Get('services/:id')
  @Public(POLICY)
  service(@Param('id') id: string, @Req() request: Request, @Res({ passthrough: true }) response: Response) {
    this.query(request, response, []);
    return this.feed.service(pathId(id));
  }

  @Get('taxonomies')
  @Public(POLICY)
  taxonomies(@Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<FeedPage> {
    return this.feed.taxonomies(this.query(request, response, ['search', ...PAGING]));
  }

  @Get('taxonomies/:id')
  @Public(POLICY)
  taxonomy(@Param('id') id: string, @Req() request: Request, @Res({ passthrough: true }) response: Response) {
    this.query(request, response, []);
    return this.feed.taxonomy(pathId(id));
  }

  @Get('taxonomy_terms')
  @Public(POLICY)
  taxonomyTerms(@Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<FeedPage> {
    const query = this.query(request, response, ['search', ...PAGING, 'taxonomy_id', 'top_only', 'parent_id']);
    return this.feed.taxonomyTerms(query);
  }

  @Get('taxonomy_terms/:id')
  @Public(POLICY)
  taxonomyTerm(@Param('id') id: string, @Req() request: Request, @Res({ passthrough: true }) response: Response) {
    this.query(request, response, []);
    return this.feed.taxonomyTerm(pathId(id));
  }

  @Get('organizations')
  @Public(POLICY)
  organizations(@Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<FeedPage> {
    return this.feed.organizations(this.query(request, response, ['search', 'full', 'full_service', ...PAGING]));
  }

  @Get('organizations/:id')
  @Public(POLICY)
  organization(@Param('id') id: string, @Req() request: Request, @Res({ passthrough: true }) response: Response) {
    const query = this.query(request, response, ['full_service']);
    return this.feed.organization(pathId(id), query);
  }

  @Get('service_at_locations')
  @Public(POLICY)
  serviceAtLocations(@Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<FeedPage> {
    const query = this.query(request, response, [...SERVICE_FILTERS, 'full', ...PAGING, 'postcode', 'proximity']);
    return this.feed.serviceAtLocations(query);
  }

  @Get('service_at_locations/:id')
  @Public(POLICY)
  serviceAtLocation(@Param('id') id: string, @Req() request: Request, @Res({ passthrough: true }) response: Response) {
    this.query(request, response, []);
    return this.feed.serviceAtLocationById(pathId(id));
  }

  /** Caching headers, then the client's allowance (CORS for every origin is set for all open data, in setUpHttp). */
  private open(request: Request, response: Response): void {
    response.setHeader('cache-control', 'public, max-age=60');
    response.setHeader('x-content-type-options', 'nosniff');
    const rule = this.config.openReferralRateLimit;
    const decision = this.limiter.hit(`open-referral:${request.ip ?? 'unknown'}`, rule.limit, rule.windowSeconds);
    if (!decision.allowed) throw tooManyRequests(decision.retryAfterSeconds);
  }

  private query(request: Request, response: Response, allowed: FeedParameter[]) {
    this.open(request, response);
    return parseFeedQuery(request.query, allowed);
  }
}
