export * from './blocks/block.entity.js';
export * from './connections/connection-count.entity.js';
export * from './connections/connection.entity.js';
export * from './introductions/introduction-expiry.task.js';
export * from './introductions/introduction.entity.js';
export * from './introductions/introductions.service.js';
export * from './introductions/introduction.model.js';
export * from './introductions/dto/introduction.inputs.js';
export * from './introductions/dto/introduction.args.js';
export { INTRODUCTION_TYPE } from './introductions/introduction.mapper.js';
export * from './connections/connections.service.js';
export * from './connections/connected-peer.model.js';
export * from './connections/dto/connection.args.js';
export * from './blocks/blocks.service.js';
export * from './blocks/blocked-practitioner.model.js';
export * from './suggestions/suggestions.service.js';
export * from './suggestions/suggested-peer.model.js';
export * from './paths/introduction-paths.service.js';
export * from './paths/introduction-path.model.js';
export * from './reports/misuse-reports.service.js';
export { ReportMisuseInput, MISUSE_DETAILS_MAX_LENGTH } from './reports/dto/misuse-report.inputs.js';
export { MisuseReason, MisuseReportReceipt } from './reports/misuse-report.model.js';
export * from './network.policy.js';
export * from './network.module.js';
export { NETWORK_POLICY, type PeerFacts } from './network.policy.js';
export { IntroductionPathsService } from './paths/introduction-paths.service.js';
export type { IntroductionPath } from './paths/introduction-path.model.js';
export * from './graph/network-graph.model.js';
export { NetworkGraphService } from './graph/network-graph.service.js';
export * from './reports/misuse-report.model.js';
export { MisuseReportsService } from './reports/misuse-reports.service.js';
export * from './partnerships/partnership-proposal.entity.js';
export * from './partnerships/partnership.entity.js';
export { PartnershipKind, type Partnership } from './partnerships/partnership.model.js';
export { ProposePartnershipInput } from './partnerships/dto/partnership.inputs.js';
export { PartnershipsService } from './partnerships/partnerships.service.js';
export * from './reports/misuse-report.entity.js';

import { BlockEntity } from './blocks/block.entity.js';
import { ConnectionCountEntity } from './connections/connection-count.entity.js';
import { ConnectionEntity } from './connections/connection.entity.js';
import { IntroductionEntity } from './introductions/introduction.entity.js';
import { PartnershipProposalEntity } from './partnerships/partnership-proposal.entity.js';
import { PartnershipEntity } from './partnerships/partnership.entity.js';
import { MisuseReportEntity } from './reports/misuse-report.entity.js';

export const NETWORK_ENTITIES = [
  ConnectionEntity,
  ConnectionCountEntity,
  BlockEntity,
  IntroductionEntity,
  PartnershipEntity,
  PartnershipProposalEntity,
  MisuseReportEntity,
];
export * from './introductions/introduction.notices.js';
export * from './network.rules.js';
export { SUGGESTIONS_SQL, suggestionParams } from './suggestions/suggestion.queries.js';
export * from './personal-data.js';
export * from './erasure.js';
