import { registerEnumType } from '@nestjs/graphql';
import { APPLICATION_STATUSES, type ApplicationStatus } from './application.entity.js';

/** The application states as a GraphQL enum, built from the one list the entity and its check use. */
export const ApplicationStatusEnum = Object.fromEntries(APPLICATION_STATUSES.map((status) => [status, status])) as {
  [S in ApplicationStatus]: S;
};

registerEnumType(ApplicationStatusEnum, {
  name: 'ApplicationStatus',
  description:
    'Where an application stands: DRAFT > SUBMITTED > INELIGIBLE or IN_ASSESSMENT > DECLINED or AWARDED > ACTIVE > ' +
    'COMPLETED or CLOSED_EARLY; WITHDRAWN from any state before money moves. AWARDED, ACTIVE, COMPLETED and ' +
    'CLOSED_EARLY are awards.',
});

/** Words for each state, for reports and files people read. */
export const APPLICATION_STATUS_LABELS: Record<ApplicationStatus, string> = {
  DRAFT: 'Draft',
  SUBMITTED: 'Submitted',
  INELIGIBLE: 'Ineligible',
  IN_ASSESSMENT: 'In assessment',
  AWARDED: 'Awarded',
  DECLINED: 'Declined',
  ACTIVE: 'Active',
  COMPLETED: 'Completed',
  CLOSED_EARLY: 'Closed early',
  WITHDRAWN: 'Withdrawn',
};
