import { Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'Whether an account is suspended, as a platform admin set it.' })
export class AccountSuspensionModel {
  @Field(() => ID, { description: 'The account (the same person as the practitioner with this uuid).' })
  accountId: string;

  @Field()
  suspended: boolean;

  @Field(() => GraphQLISODateTime, { nullable: true })
  suspendedAt: Date | null;
}
