import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AUTH_PERSONAL_DATA, accountIdByEmail, normaliseEmail, type PersonalDataDocument } from '@cohesion/auth';
import { AUDIT_PERSONAL_DATA, type PersonalDataSection } from '@cohesion/common';
import { DIRECTORY_PERSONAL_DATA } from '@cohesion/directory';
import { GRANTS_PERSONAL_DATA } from '@cohesion/grants';
import { NETWORK_PERSONAL_DATA } from '@cohesion/network';
import { NoticeBlocks, notificationsPersonalData } from '@cohesion/notifications';

/** What the document says of itself, before the sections. */
const ABOUT =
  'Everything Cohesion Network holds about you (UK GDPR, right of access). Other people appear by name only; ' +
  'blocks others placed on you are not shown.';

/**
 * The copy of everything held about one person, as one JSON document written a section at
 * a time: each domain reads its own part (its `*_PERSONAL_DATA` sections), so nothing
 * here names another domain's tables, and no section waits for the whole to be built.
 */
@Injectable()
export class PersonalDataService implements PersonalDataDocument {
  private readonly sections: PersonalDataSection[];

  constructor(
    private readonly dataSource: DataSource,
    blocks: NoticeBlocks,
  ) {
    this.sections = [
      ...AUTH_PERSONAL_DATA,
      ...DIRECTORY_PERSONAL_DATA,
      ...NETWORK_PERSONAL_DATA,
      ...notificationsPersonalData(blocks),
      ...GRANTS_PERSONAL_DATA,
      ...AUDIT_PERSONAL_DATA,
    ];
  }

  /** The account with this address, or undefined. */
  accountIdByEmail(email: string): Promise<string | undefined> {
    return accountIdByEmail(this.dataSource, normaliseEmail(email));
  }

  /** The document for one account, in pieces of text: each section is read only once the one before is written. */
  async *document(accountId: string, exportedAt = new Date()): AsyncGenerator<string> {
    yield `{\n  "about": ${JSON.stringify(ABOUT)},\n  "exportedAt": ${JSON.stringify(exportedAt)}`;
    for (const section of this.sections) {
      const data = await section.read(this.dataSource, accountId);
      yield `,\n  ${JSON.stringify(section.name)}: ${indented(JSON.stringify(data ?? null, null, 2))}`;
    }
    yield '\n}\n';
  }
}

/** A section's JSON indented to sit inside the document. */
function indented(json: string): string {
  return json.replace(/\n/g, '\n  ');
}
