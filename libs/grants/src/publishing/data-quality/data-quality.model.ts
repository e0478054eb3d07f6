import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DATA_QUALITY_CODES, type DataQualityCode, type DataQualityFinding } from './data-quality.checks.js';

export const DataQualityCheckEnum = Object.fromEntries(DATA_QUALITY_CODES.map((code) => [code, code])) as {
  [Code in DataQualityCode]: Code;
};
registerEnumType(DataQualityCheckEnum, {
  name: 'DataQualityCheck',
  description: 'A 360Giving data quality check that published grants can fail.',
});

@ObjectType('DataQualityWarning', {
  description:
    'A problem in a fund’s published 360Giving data: which check, what it means, how many grants have it and ' +
    'a few of their 360Giving grant ids.',
})
export class DataQualityWarning implements DataQualityFinding {
  @Field(() => DataQualityCheckEnum)
  code: DataQualityCode;

  @Field()
  message: string;

  @Field(() => Int, { description: 'How many of the fund’s published grants have this problem.' })
  count: number;

  @Field(() => [String], { description: 'Up to 5 of their grant ids, as published.' })
  exampleGrantIds: string[];
}
