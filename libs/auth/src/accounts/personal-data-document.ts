import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Response } from 'express';
import type { Logger } from 'pino';
import { loggableError } from '@cohesion/common';

/**
 * Implemented by the app, which composes every domain's sections of a person's data (as it
 * composes their erasers for ACCOUNT_ERASURE): the copy of everything held about one
 * account, as pieces of one JSON document. The API's GET /account/export and the website's
 * download both write it; auth depends on this interface, not on the domains above it.
 */
export interface PersonalDataDocument {
  document(accountId: string, exportedAt?: Date): AsyncGenerator<string>;
}

export const PERSONAL_DATA_DOCUMENT = Symbol('PERSONAL_DATA_DOCUMENT');

/** The name the download is saved under. */
export const PERSONAL_DATA_FILENAME = 'cohesion-network-my-data.json';

/**
 * Streams the person's document as a download: the headers of a private attachment, then
 * the pieces as they come. If the client goes away or reading fails part-way, the
 * connection is closed unfinished (a short file must not look whole) and a real failure is
 * logged. The API's export and the website's download both answer through this.
 */
export async function sendPersonalData(
  response: Response,
  pieces: AsyncIterable<string>,
  logger: Logger,
  what: string,
): Promise<void> {
  response.status(200);
  response.setHeader('content-type', 'application/json; charset=utf-8');
  response.setHeader('content-disposition', `attachment; filename="${PERSONAL_DATA_FILENAME}"`);
  response.setHeader('cache-control', 'private, no-store');
  response.setHeader('x-content-type-options', 'nosniff');
  try {
    await pipeline(Readable.from(pieces), response);
  } catch (error) {
    if (!response.writableFinished && !response.destroyed) response.destroy();
    if ((error as { code?: string } | undefined)?.code !== 'ERR_STREAM_PREMATURE_CLOSE') {
      logger.error({ err: loggableError(error) }, `${what} failed part-way`);
    }
  }
}
