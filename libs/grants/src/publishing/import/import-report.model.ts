import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('ImportRejection', { description: 'A grant of the package that was not imported, and why.' })
export class ImportRejection {
  @Field(() => Int, { description: 'Its position in the package’s grants list, from 0.' })
  index: number;

  @Field(() => String, { nullable: true, description: 'Its 360Giving id, when it has one.' })
  grantId: string | null;

  @Field(() => [String], {
    description: 'Each reason starts with the field it is about, e.g. "grants[3].amountAwarded: must be more than 0".',
  })
  reasons: string[];
}

@ObjectType('ImportWarning', { description: 'Parts of an imported grant that were left out.' })
export class ImportWarning {
  @Field(() => Int, { description: 'Its position in the package’s grants list, from 0.' })
  index: number;

  @Field(() => String, { nullable: true })
  grantId: string | null;

  @Field(() => [String], {
    description:
      'Each starts with the field it is about, e.g. a beneficiary location whose geoCode is not a known area.',
  })
  messages: string[];
}

@ObjectType('ImportReport', {
  description:
    'What a 360Giving import did: total = created + updated + unchanged + rejected. Importing the same file again ' +
    'reports every grant unchanged.',
})
export class ImportReport {
  @Field(() => Int, { description: 'Grants in the package.' })
  total: number;

  @Field(() => Int, { description: 'New awards.' })
  created: number;

  @Field(() => Int, { description: 'Awards imported before whose grant changed (amount, title, dates, payments...).' })
  updated: number;

  @Field(() => Int, { description: 'Awards imported before exactly as the package has them.' })
  unchanged: number;

  @Field(() => [ImportRejection])
  rejected: ImportRejection[];

  @Field(() => [ImportWarning])
  warnings: ImportWarning[];

  @Field(() => Int, { description: 'Recipients that were not in the directory, listed as unverified organisations.' })
  organisationsCreated: number;
}
