import { Field, GraphQLISODateTime, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Connection, Node } from '@cohesion/common';

export enum MisuseReason {
  HARASSMENT = 'HARASSMENT',
  IMPERSONATION = 'IMPERSONATION',
  FALSE_INFORMATION = 'FALSE_INFORMATION',
  SPAM = 'SPAM',
  OTHER = 'OTHER',
}
registerEnumType(MisuseReason, { name: 'MisuseReason', description: 'Why a profile or organisation is reported.' });

export enum MisuseReportStatus {
  OPEN = 'OPEN',
  RESOLVED = 'RESOLVED',
}
registerEnumType(MisuseReportStatus, { name: 'MisuseReportStatus' });

export enum MisuseOutcome {
  NO_ACTION = 'NO_ACTION',
  WARNING_GIVEN = 'WARNING_GIVEN',
  CONTENT_REMOVED = 'CONTENT_REMOVED',
  ACCOUNT_SUSPENDED = 'ACCOUNT_SUSPENDED',
}
registerEnumType(MisuseOutcome, { name: 'MisuseOutcome', description: 'What the admins did about a report.' });

@ObjectType({ description: 'What a member who reported misuse is told: it reached the admins.' })
export class MisuseReportReceipt {
  @Field()
  received: boolean;

  @Field()
  message: string;
}

@ObjectType({ description: 'Who reported misuse: for platform admins only.' })
export class MisuseReporter {
  @Field(() => ID, { description: 'Their Practitioner id.' })
  id: string;

  @Field({ description: 'Their name ("Former member" once they deleted their account).' })
  name: string;

  @Field(() => String, { nullable: true, description: 'Their account address, to write to them (none once deleted).' })
  email: string | null;
}

@ObjectType({
  implements: () => [Node],
  description: 'A member’s report that a profile or organisation is misused. Platform admins only.',
})
export class MisuseReport extends Node {
  readonly __typename = 'MisuseReport';

  @Field(() => ID, { nullable: true, description: 'The Practitioner reported, if a profile.' })
  practitionerId: string | null;

  @Field(() => ID, { nullable: true, description: 'The Organisation reported, if an organisation.' })
  organisationId: string | null;

  @Field({ description: 'The name of who or what was reported.' })
  subjectName: string;

  @Field(() => MisuseReason)
  reason: MisuseReason;

  @Field(() => String, { nullable: true })
  details: string | null;

  @Field(() => MisuseReporter)
  reporter: MisuseReporter;

  @Field(() => MisuseReportStatus)
  status: MisuseReportStatus;

  @Field(() => MisuseOutcome, { nullable: true })
  outcome: MisuseOutcome | null;

  @Field(() => GraphQLISODateTime)
  createdAt: Date;

  @Field(() => GraphQLISODateTime, { nullable: true })
  resolvedAt: Date | null;
}

@ObjectType()
export class MisuseReportConnection extends Connection(MisuseReport, 'MisuseReport') {}
