/**
 * The parts of the 360Giving Data Standard 1.4.3 this product writes (and reads back):
 * a grant and the package around a list of them. Amounts are in pounds, as the standard
 * has them; dates are YYYY-MM-DD and last-modified stamps full ISO date-times.
 */
export interface ThreeSixtyGivingOrganisation {
  id: string;
  name: string;
  charityNumber?: string;
  companyNumber?: string;
  addressLocality?: string;
  postalCode?: string;
}

export interface ThreeSixtyGivingEvent {
  startDate?: string;
  endDate?: string;
  /** Months, possibly fractional. */
  duration?: number;
}

export interface ThreeSixtyGivingLocation {
  name: string;
  geoCode: string;
  geoCodeType?: string;
  countryCode: string;
}

export interface ThreeSixtyGivingClassification {
  vocabulary: string;
  code: string;
  title: string;
}

export interface ThreeSixtyGivingGrant {
  id: string;
  title: string;
  description: string;
  currency: string;
  amountAppliedFor?: number;
  amountAwarded: number;
  amountDisbursed?: number;
  awardDate: string;
  plannedDates?: ThreeSixtyGivingEvent[];
  actualDates?: ThreeSixtyGivingEvent[];
  recipientOrganization: ThreeSixtyGivingOrganisation[];
  fundingOrganization: ThreeSixtyGivingOrganisation[];
  grantProgramme?: { code: string; title: string }[];
  beneficiaryLocation?: ThreeSixtyGivingLocation[];
  classifications?: ThreeSixtyGivingClassification[];
  fromOpenCall?: 'Yes' | 'No';
  dateModified?: string;
  dataSource?: string;
}

/** Everything of a package but its grants, which are streamed. */
export interface ThreeSixtyGivingPackageHead {
  version: string;
  title: string;
  description?: string;
  identifier: string;
  modified: string;
  publisher: { identifier: string; name: string; website?: string };
  license: string;
}
