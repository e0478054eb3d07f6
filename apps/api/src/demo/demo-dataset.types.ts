/**
 * The shape of the demo dataset. Records refer to each other by `key` (areas,
 * organisations) or by taxonomy term `code`; the seeder turns keys into stable ids.
 */
export type DemoAreaKind = 'REGION' | 'LOCAL_AUTHORITY' | 'LOCALITY' | 'WARD';

export interface DemoArea {
  key: string;
  name: string;
  kind: DemoAreaKind;
  /** ONS GSS code; required for local authorities, left out where not known for certain. */
  code?: string;
  /** Key of the parent area. */
  parent?: string;
}

export interface DemoTerm {
  code: string;
  name: string;
  description: string;
  /** Code of the parent term in the same taxonomy. */
  parent?: string;
}

export interface DemoAddress {
  line1: string;
  line2?: string;
  town: string;
  /** A full UK postcode. */
  postcode: string;
}

export interface DemoPoint {
  latitude: number;
  longitude: number;
}

export type DemoOrganisationKind =
  | 'LOCAL_AUTHORITY'
  | 'POLICE'
  | 'FIRE'
  | 'NHS'
  | 'SCHOOL'
  | 'UNIVERSITY'
  | 'VCS'
  | 'FAITH_GROUP'
  | 'BUSINESS'
  | 'NETWORK';

export type DemoFaith =
  | 'BAHAI'
  | 'BUDDHIST'
  | 'CHRISTIAN'
  | 'HINDU'
  | 'JAIN'
  | 'JEWISH'
  | 'MUSLIM'
  | 'SIKH'
  | 'ZOROASTRIAN'
  | 'MULTI_FAITH'
  | 'OTHER';

export interface DemoOrganisation {
  key: string;
  name: string;
  kind: DemoOrganisationKind;
  description: string;
  /** org-id form, e.g. GB-LAE-WLL, GB-CHC-1234567, 360G-cohesion-demo-xyz. */
  identifiers?: string[];
  website?: string;
  email?: string;
  phone?: string;
  address?: DemoAddress;
  location?: DemoPoint;
  faithTradition?: DemoFaith;
  /** ISO 639-1 codes. */
  languages?: string[];
  verified: boolean;
  visibility?: 'PUBLIC' | 'MEMBERS';
  /** Area keys it serves. */
  areas: string[];
  /** cohesion-themes term codes. */
  themes: string[];
}

export type DemoVisibility = 'PUBLIC' | 'MEMBERS' | 'CONNECTIONS' | 'HIDDEN';

export interface DemoPractitioner {
  key: string;
  fullName: string;
  /** Sign-in email; every demo account uses the demo password. */
  email: string;
  /** False for the one account that has not followed its verification link yet; the rest are verified. */
  emailVerified?: boolean;
  jobTitle: string;
  bio?: string;
  canHelpWith?: string;
  lookingFor?: string;
  languages?: string[];
  discoverable?: boolean;
  openToIntroductions?: boolean;
  introductionsMonthlyCap?: number;
  contact?: { email?: string; phone?: string; mobile?: string; website?: string };
  contactVisibility?: {
    email?: DemoVisibility;
    phone?: DemoVisibility;
    mobile?: DemoVisibility;
    website?: DemoVisibility;
  };
  /** Area keys they cover. */
  areas: string[];
  /** cohesion-themes term codes. */
  expertise: string[];
  /** Confirmed by the organisation's admins unless `pending` (a claim waiting for them). */
  memberships: {
    organisation: string;
    role?: string;
    team?: string;
    startDate?: string;
    endDate?: string;
    pending?: boolean;
  }[];
  roles?: { role: 'ORG_ADMIN' | 'GRANTS_OFFICER' | 'ADMIN'; organisation?: string }[];
}

export interface DemoService {
  key: string;
  /** Organisation key. */
  organisation: string;
  name: string;
  description: string;
  status?: 'active' | 'inactive' | 'defunct' | 'temporarily closed';
  url?: string;
  email?: string;
  fees?: string;
  eligibilityDescription?: string;
  minimumAge?: number;
  maximumAge?: number;
  languages?: string[];
  /** YYYY-MM-DD */
  assuredDate?: string;
  visibility?: 'PUBLIC' | 'MEMBERS';
  costOptions?: { option?: string; amountPence?: number; amountDescription?: string }[];
  schedules?: {
    freq?: 'WEEKLY' | 'MONTHLY';
    interval?: number;
    byday?: string;
    /** HH:MM */
    opensAt?: string;
    closesAt?: string;
    description?: string;
  }[];
  locations?: { name?: string; address?: DemoAddress; location?: DemoPoint; area?: string }[];
  contacts?: { name?: string; title?: string; email?: string; phone?: string }[];
  /** cohesion-themes term codes. */
  themes?: string[];
  /** service-types term codes. */
  types?: string[];
  /** Area keys the service is for. */
  areas?: string[];
}

export interface DemoConnection {
  /** Practitioner keys. */
  between: [string, string];
  origin: 'INTRODUCTION' | 'MET_AT_EVENT' | 'WORKED_TOGETHER';
  /** Days ago. */
  since: number;
}

export interface DemoIntroduction {
  /** Practitioner keys. */
  from: string;
  to: string;
  via?: string;
  message: string;
  brokerNote?: string;
  status: 'PENDING_BROKER' | 'PENDING_TARGET' | 'ACCEPTED';
  /** Days ago. */
  askedDaysAgo: number;
}

export interface DemoPartnership {
  /** Organisation keys; MEMBER_OF points from the member to the network. */
  organisation: string;
  partner: string;
  kind: 'PARTNERS_WITH' | 'MEMBER_OF';
  confirmed: boolean;
}

export interface DemoNetwork {
  connections: DemoConnection[];
  introductions: DemoIntroduction[];
  partnerships: DemoPartnership[];
}

/** An email domain an organisation declared; verified ones confirm its staff's claims at once. */
export interface DemoEmailDomain {
  organisation: string;
  domain: string;
  verified: boolean;
}

/** An organisation admin's open invitation to join. */
export interface DemoInvitation {
  organisation: string;
  email: string;
  role?: string;
  /** Practitioner key of the admin who sent it. */
  invitedBy: string;
}

export interface DemoDataset {
  areas: DemoArea[];
  themes: DemoTerm[];
  serviceTypes: DemoTerm[];
  organisations: DemoOrganisation[];
  practitioners: DemoPractitioner[];
  services: DemoService[];
  network: DemoNetwork;
  emailDomains: DemoEmailDomain[];
  invitations: DemoInvitation[];
}
