import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { ImportCounts, ImportIssue, OrukImportReport } from './oruk-import.report.js';

/** GraphQL names for the kinds of ORUK record; the values are the import's own. */
export enum OpenReferralRecordType {
  SERVICE = 'service',
  ORGANISATION = 'organisation',
  TAXONOMY = 'taxonomy',
  TAXONOMY_TERM = 'taxonomy_term',
  UNKNOWN = 'unknown',
}
registerEnumType(OpenReferralRecordType, {
  name: 'OpenReferralRecordType',
  description: 'What an Open Referral record is; UNKNOWN for one the import could not tell.',
});

@ObjectType('OpenReferralImportCounts', {
  description: 'What an import did with one kind of record: total = created + updated + unchanged + skipped + invalid.',
})
export class OpenReferralImportCounts implements ImportCounts {
  @Field(() => Int)
  total: number;

  @Field(() => Int)
  created: number;

  @Field(() => Int, { description: 'Imported before, and changed at the source since.' })
  updated: number;

  @Field(() => Int, { description: 'Imported before exactly as the source has them.' })
  unchanged: number;

  @Field(() => Int, {
    description:
      'Left alone on purpose: records of this directory with the same id or org-id identifier (linked, not changed), ' +
      'or repeats within the source.',
  })
  skipped: number;

  @Field(() => Int, { description: 'Not imported: they fail the ORUK schema, or could not be fetched or saved.' })
  invalid: number;
}

@ObjectType('OpenReferralImportIssue', { description: 'A record the report says something about, and what.' })
export class OpenReferralImportIssue implements ImportIssue {
  @Field(() => OpenReferralRecordType)
  recordType: ImportIssue['recordType'];

  @Field(() => String, { nullable: true, description: 'Its id at the source.' })
  sourceId: string | null;

  @Field(() => String, { nullable: true })
  name: string | null;

  @Field({
    description:
      'Where it is: its address in the feed (services/{id}) or its place in the file (contents[3]); empty for a file ' +
      'that is the record itself.',
  })
  at: string;

  @Field(() => [String], {
    description:
      'Each starts with the field it is about, e.g. "service_at_locations[0].location.latitude: 100 is not a latitude ' +
      '(-90 to 90); the position is left out".',
  })
  messages: string[];
}

@ObjectType('OpenReferralImportReport', {
  description:
    'What an Open Referral UK import did. Running the same import again reports everything unchanged (or skipped, ' +
    'as before).',
})
export class OpenReferralImportReport implements OrukImportReport {
  @Field({ description: 'The feed’s address, as the imported records are marked with it.' })
  source: string;

  @Field(() => OpenReferralImportCounts)
  services: OpenReferralImportCounts;

  @Field(() => OpenReferralImportCounts, {
    description: 'Each organisation once, however many services it has in the source.',
  })
  organisations: OpenReferralImportCounts;

  @Field(() => OpenReferralImportCounts, { description: 'Taxonomies the import created or keeps up to date.' })
  taxonomies: OpenReferralImportCounts;

  @Field(() => OpenReferralImportCounts, {
    description:
      'Terms the import created or keeps up to date (terms of this directory’s own vocabularies are only linked).',
  })
  taxonomyTerms: OpenReferralImportCounts;

  @Field(() => [OpenReferralImportIssue], { description: 'Records not imported, with the reasons.' })
  invalid: OpenReferralImportIssue[];

  @Field(() => [OpenReferralImportIssue], { description: 'Records left alone on purpose, with the reasons.' })
  skipped: OpenReferralImportIssue[];

  @Field(() => [OpenReferralImportIssue], {
    description: 'Imported records with values the directory cannot hold, which were left out or cut to fit.',
  })
  warnings: OpenReferralImportIssue[];

  @Field(() => Int, { description: 'Issues not listed because a list reached 1,000; the counts include them.' })
  issuesNotListed: number;
}
