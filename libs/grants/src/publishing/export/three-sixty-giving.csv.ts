import { csvLine, type CsvCell } from '@cohesion/common';
import type {
  ThreeSixtyGivingClassification,
  ThreeSixtyGivingGrant,
  ThreeSixtyGivingLocation,
} from './three-sixty-giving.types.js';

type Cell = CsvCell;

/** The standard's CSV is data for 360Giving's tools: every value is written as it is. */
const AS_DATA = { guardFormulas: false };

interface Column {
  title: string;
  value: (grant: ThreeSixtyGivingGrant) => Cell;
}

const recipient = (grant: ThreeSixtyGivingGrant) => grant.recipientOrganization[0];
const planned = (grant: ThreeSixtyGivingGrant) => grant.plannedDates?.[0];
const actual = (grant: ThreeSixtyGivingGrant) => grant.actualDates?.[0];

const LEADING: Column[] = [
  { title: 'Identifier', value: (grant) => grant.id },
  { title: 'Title', value: (grant) => grant.title },
  { title: 'Description', value: (grant) => grant.description },
  { title: 'Currency', value: (grant) => grant.currency },
  { title: 'Amount Applied For', value: (grant) => grant.amountAppliedFor },
  { title: 'Amount Awarded', value: (grant) => grant.amountAwarded },
  { title: 'Amount Disbursed', value: (grant) => grant.amountDisbursed },
  { title: 'Award Date', value: (grant) => grant.awardDate },
  { title: 'Planned Dates:Start Date', value: (grant) => planned(grant)?.startDate },
  { title: 'Planned Dates:End Date', value: (grant) => planned(grant)?.endDate },
  { title: 'Planned Dates:Duration (months)', value: (grant) => planned(grant)?.duration },
  { title: 'Actual Dates:Start Date', value: (grant) => actual(grant)?.startDate },
  { title: 'Actual Dates:End Date', value: (grant) => actual(grant)?.endDate },
  { title: 'Actual Dates:Duration (months)', value: (grant) => actual(grant)?.duration },
  { title: 'Recipient Org:Identifier', value: (grant) => recipient(grant)?.id },
  { title: 'Recipient Org:Name', value: (grant) => recipient(grant)?.name },
  { title: 'Recipient Org:Charity Number', value: (grant) => recipient(grant)?.charityNumber },
  { title: 'Recipient Org:Company Number', value: (grant) => recipient(grant)?.companyNumber },
  { title: 'Recipient Org:City', value: (grant) => recipient(grant)?.addressLocality },
  { title: 'Recipient Org:Postal Code', value: (grant) => recipient(grant)?.postalCode },
  { title: 'Funding Org:Identifier', value: (grant) => grant.fundingOrganization[0]?.id },
  { title: 'Funding Org:Name', value: (grant) => grant.fundingOrganization[0]?.name },
  { title: 'Grant Programme:Code', value: (grant) => grant.grantProgramme?.[0]?.code },
  { title: 'Grant Programme:Title', value: (grant) => grant.grantProgramme?.[0]?.title },
];

const TRAILING: Column[] = [
  { title: 'From An Open Call?', value: (grant) => grant.fromOpenCall },
  { title: 'Last Modified', value: (grant) => grant.dateModified },
  { title: 'Data Source', value: (grant) => grant.dataSource },
];

const LOCATION_FIELDS: [string, (location: ThreeSixtyGivingLocation) => Cell][] = [
  ['Name', (location) => location.name],
  ['Geographic Code', (location) => location.geoCode],
  ['Geographic Code Type', (location) => location.geoCodeType],
  ['Country Code', (location) => location.countryCode],
];

const CLASSIFICATION_FIELDS: [string, (classification: ThreeSixtyGivingClassification) => Cell][] = [
  ['Vocabulary', (classification) => classification.vocabulary],
  ['Code', (classification) => classification.code],
  ['Title', (classification) => classification.title],
];

/** How many items of each list the fullest grant of the file has: one set of columns each. */
export interface CsvListSizes {
  locations: number;
  classifications: number;
}

/**
 * Columns for a list of the grant: the first item under `<title>:<field>`, each further one
 * numbered (`<title>:1:<field>`), as the standard's flattening does; at least one set.
 */
function listColumns<T>(
  title: string,
  fields: [string, (item: T) => Cell][],
  count: number,
  items: (grant: ThreeSixtyGivingGrant) => T[] | undefined,
): Column[] {
  const columns: Column[] = [];
  for (let index = 0; index < Math.max(1, count); index++) {
    for (const [field, value] of fields) {
      columns.push({
        title: index === 0 ? `${title}:${field}` : `${title}:${index}:${field}`,
        value: (grant) => {
          const item = items(grant)?.[index];
          return item ? value(item) : undefined;
        },
      });
    }
  }
  return columns;
}

/**
 * The 360Giving flat CSV: one row per grant, each title the schema's titles of the field
 * and its parents joined with ':' (as flatten-tool, which reads it back, matches them). The
 * first beneficiary location goes under `Beneficiary Location:` columns, the first theme under
 * `Classifications:`; when grants have more, each further one gets numbered columns
 * (`Beneficiary Location:1:Name`, ...), as the standard's flattening does. Values are
 * written unaltered (no formula guard: the file is data for tools, as the JSON is).
 */
export class ThreeSixtyGivingCsv {
  private readonly columns: Column[];

  constructor(sizes: CsvListSizes) {
    this.columns = [
      ...LEADING,
      ...listColumns('Beneficiary Location', LOCATION_FIELDS, sizes.locations, (grant) => grant.beneficiaryLocation),
      ...listColumns('Classifications', CLASSIFICATION_FIELDS, sizes.classifications, (grant) => grant.classifications),
      ...TRAILING,
    ];
  }

  header(): string {
    return csvLine(
      this.columns.map((column) => column.title),
      AS_DATA,
    );
  }

  row(grant: ThreeSixtyGivingGrant): string {
    return csvLine(
      this.columns.map((column) => column.value(grant)),
      AS_DATA,
    );
  }
}
