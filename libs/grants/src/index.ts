export * from './applications/application.entity.js';
export * from './applications/application.state-machine.js';
export * from './assessment/assessment.entity.js';
export * from './funds/fund.entity.js';
export * from './grants.module.js';
export * from './grants.policy.js';
export * from './monitoring/monitoring-report.entity.js';
export * from './awards/payment.entity.js';
export * from './publishing/data-quality/data-quality.checks.js';
export * from './publishing/data-quality/data-quality.service.js';
export * from './publishing/export/geo-code-types.js';
export * from './publishing/export/minted-org-id.js';
export * from './publishing/export/publishing.service.js';
export { GrantsPublishingModule } from './publishing/publishing.module.js';
export * from './publishing/import/three-sixty-giving-import.service.js';
export * from './publishing/three-sixty-giving-schema.js';
export * from './publishing/export/three-sixty-giving.csv.js';
export * from './publishing/export/three-sixty-giving.mapper.js';
export * from './publishing/export/three-sixty-giving.types.js';
export * from './rounds/round.entity.js';

import {
  GrantApplicationAreaEntity,
  GrantApplicationEntity,
  GrantApplicationThemeEntity,
} from './applications/application.entity.js';
import { AssessmentScoreEntity, ConflictDeclarationEntity } from './assessment/assessment.entity.js';
import { GrantFundAreaEntity, GrantFundEntity, GrantFundThemeEntity } from './funds/fund.entity.js';
import { MonitoringReportEntity } from './monitoring/monitoring-report.entity.js';
import { GrantPaymentEntity } from './awards/payment.entity.js';
import { GrantCriterionEntity, GrantRoundAreaEntity, GrantRoundEntity } from './rounds/round.entity.js';

export const GRANT_ENTITIES = [
  GrantFundEntity,
  GrantFundAreaEntity,
  GrantFundThemeEntity,
  GrantRoundEntity,
  GrantRoundAreaEntity,
  GrantCriterionEntity,
  GrantApplicationEntity,
  GrantApplicationAreaEntity,
  GrantApplicationThemeEntity,
  ConflictDeclarationEntity,
  AssessmentScoreEntity,
  GrantPaymentEntity,
  MonitoringReportEntity,
];
export * from './personal-data.queries.js';
