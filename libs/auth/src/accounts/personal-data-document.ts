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
