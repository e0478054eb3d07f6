import type { MigrationInterface } from 'typeorm';
import { Extensions1795426280000 } from './1795426280000-Extensions.js';
import { Initial1795426280675 } from './1795426280675-Initial.js';
import { TreesAuditIndexes1795426290000 } from './1795426290000-TreesAuditIndexes.js';
import { ReferenceVocabularies1795426300000 } from './1795426300000-ReferenceVocabularies.js';
import { DirectorySearch1795428845001 } from './1795428845001-DirectorySearch.js';
import { SearchDocument1795429912008 } from './1795429912008-SearchDocument.js';
import { SearchTagNames1795431000000 } from './1795431000000-SearchTagNames.js';
import { SearchFilterFields1795431100000 } from './1795431100000-SearchFilterFields.js';
import { SearchBoundingBox1795431298156 } from './1795431298156-SearchBoundingBox.js';
import { Network1795433540957 } from './1795433540957-Network.js';
import { Grants1795439499216 } from './1795439499216-Grants.js';
import { OpenReferralSource1795449348237 } from './1795449348237-OpenReferralSource.js';
import { FeedIndexes1795450680998 } from './1795450680998-FeedIndexes.js';
import { IntroductionDeclinedBy1796278240042 } from './1796278240042-IntroductionDeclinedBy.js';
import { OrganisationChangedSinceVerification1796278619340 } from './1796278619340-OrganisationChangedSinceVerification.js';
import { LocationGeocodePrecision1796279013688 } from './1796279013688-LocationGeocodePrecision.js';
import { NoticesAboutAndProposals1796279284077 } from './1796279284077-NoticesAboutAndProposals.js';
import { NoticeWithdrawWindow1796279790464 } from './1796279790464-NoticeWithdrawWindow.js';
import { OrganisationNamedInGrantsData1796280033831 } from './1796280033831-OrganisationNamedInGrantsData.js';
import { GrantIdentifierAcrossFunds1796280322108 } from './1796280322108-GrantIdentifierAcrossFunds.js';
import { TermSourceIds1796281462992 } from './1796281462992-TermSourceIds.js';
import { LocationAddressFields1796281864715 } from './1796281864715-LocationAddressFields.js';
import { UnknownOwner1796282311572 } from './1796282311572-UnknownOwner.js';
import { TaxonomySourceIds1796282925306 } from './1796282925306-TaxonomySourceIds.js';
import { ImportedFromOpenCall1796283438652 } from './1796283438652-ImportedFromOpenCall.js';
import { OrgIdRegisterPrefixes1796283887180 } from './1796283887180-OrgIdRegisterPrefixes.js';
import { WithheldRecipientKey1796297739900 } from './1796297739900-WithheldRecipientKey.js';
import { PlannedDatesGiven1796298024675 } from './1796298024675-PlannedDatesGiven.js';
import { AccountVerification1796312220754 } from './1796312220754-AccountVerification.js';
import { ConfirmedMemberships1796323828950 } from './1796323828950-ConfirmedMemberships.js';
import { CouncilSignIn1796323900000 } from './1796323900000-CouncilSignIn.js';
import { ErasureSuspensionReports1796323950140 } from './1796323950140-ErasureSuspensionReports.js';
import { WebSessions1796350291870 } from './1796350291870-WebSessions.js';

/** Every migration, oldest first. `npm run migration:generate` rewrites this list. */
export const MIGRATIONS: (new () => MigrationInterface)[] = [
  Extensions1795426280000,
  Initial1795426280675,
  TreesAuditIndexes1795426290000,
  ReferenceVocabularies1795426300000,
  DirectorySearch1795428845001,
  SearchDocument1795429912008,
  SearchTagNames1795431000000,
  SearchFilterFields1795431100000,
  SearchBoundingBox1795431298156,
  Network1795433540957,
  Grants1795439499216,
  OpenReferralSource1795449348237,
  FeedIndexes1795450680998,
  IntroductionDeclinedBy1796278240042,
  OrganisationChangedSinceVerification1796278619340,
  LocationGeocodePrecision1796279013688,
  NoticesAboutAndProposals1796279284077,
  NoticeWithdrawWindow1796279790464,
  OrganisationNamedInGrantsData1796280033831,
  GrantIdentifierAcrossFunds1796280322108,
  TermSourceIds1796281462992,
  LocationAddressFields1796281864715,
  UnknownOwner1796282311572,
  TaxonomySourceIds1796282925306,
  ImportedFromOpenCall1796283438652,
  OrgIdRegisterPrefixes1796283887180,
  WithheldRecipientKey1796297739900,
  PlannedDatesGiven1796298024675,
  AccountVerification1796312220754,
  ConfirmedMemberships1796323828950,
  CouncilSignIn1796323900000,
  ErasureSuspensionReports1796323950140,
  WebSessions1796350291870,
];
