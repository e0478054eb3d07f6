import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { PenceScalar } from '@cohesion/common';
import type { Ons4Item } from '../monitoring/monitoring-report.entity.js';

@ObjectType('GrantsReportTotals', {
  description:
    'Figures for every application in the report. awarded is what awards are worth: the amount awarded while ' +
    'AWARDED or ACTIVE, the actual spend once COMPLETED or CLOSED_EARLY (the amount awarded when no spend was ' +
    'recorded). Amounts are whole pence.',
})
export class GrantsReportTotals {
  @Field(() => Int)
  applications: number;

  @Field(() => Int, { description: 'Applications that are awards (AWARDED, ACTIVE, COMPLETED, CLOSED_EARLY).' })
  awards: number;

  @Field(() => PenceScalar)
  requested: number;

  @Field(() => PenceScalar)
  awarded: number;

  @Field(() => PenceScalar, { description: 'Payments made.' })
  paid: number;
}

@ObjectType('GrantsReportRow', { description: 'The report’s figures for one fund, year, area, theme, kind or state.' })
export class GrantsReportRow extends GrantsReportTotals {
  @Field(() => String, {
    nullable: true,
    description:
      'What the row is about: a GrantFund, Area or TaxonomyTerm id, a financial year, an OrganisationKind or an ' +
      'ApplicationStatus. Null for the row of applications with no local area (byArea) or no theme (byTheme).',
  })
  key: string | null;

  @Field(() => String)
  label: string;
}

@ObjectType('UnregisteredShare', {
  description:
    'How much went to unregistered groups: applicants with no identifier other than a 360Giving (360G-) one, ' +
    'so no charity, company or other register number.',
})
export class UnregisteredShare {
  @Field(() => PenceScalar, { description: 'Awarded to unregistered groups.' })
  awarded: number;

  @Field(() => PenceScalar, { description: 'Awarded to everyone (totals.awarded).' })
  totalAwarded: number;

  @Field(() => Float, {
    description: 'awarded / totalAwarded, 0 to 1, to four decimal places; 0 when nothing was awarded.',
  })
  share: number;

  @Field(() => Int, { description: 'Awards to unregistered groups.' })
  awards: number;
}

@ObjectType('Ons4Change', {
  description:
    'One ONS personal wellbeing item across the submitted monitoring reports that give it both before and after. ' +
    'Each report gives its group’s average score (0 to 10) and counts once; the items are never added together.',
})
export class Ons4Change {
  @Field(() => String, { description: 'lifeSatisfaction, worthwhile, happiness or anxiety.' })
  item: Ons4Item;

  @Field(() => String, { description: 'The question asked.' })
  question: string;

  @Field(() => Boolean, { description: 'True for anxiety: a fall is an improvement.' })
  lowerIsBetter: boolean;

  @Field(() => Int, { description: 'Submitted reports with both a before and an after score for this item.' })
  reports: number;

  @Field(() => Float, { nullable: true, description: 'Mean of the reports’ before scores, to two decimals.' })
  meanBefore: number | null;

  @Field(() => Float, { nullable: true, description: 'Mean of the reports’ after scores, to two decimals.' })
  meanAfter: number | null;

  @Field(() => Float, { nullable: true, description: 'Mean after less mean before, to two decimals.' })
  change: number | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Whether wellbeing got better: a rise, or for anxiety a fall. Null without reports.',
  })
  improved: boolean | null;
}

@ObjectType('GrantsReport', {
  description:
    'Applications and awards across the funds you may see. In byArea and byTheme an application counts once in ' +
    'each of its areas or themes, so those rows can add up to more than the totals.',
})
export class GrantsReport {
  @Field(() => GrantsReportTotals)
  totals: GrantsReportTotals;

  @Field(() => [GrantsReportRow], { description: 'By fund, oldest financial year first.' })
  byFund: GrantsReportRow[];

  @Field(() => [GrantsReportRow], { description: 'By the funds’ financial year.' })
  byFinancialYear: GrantsReportRow[];

  @Field(() => [GrantsReportRow], {
    description:
      'By beneficiary area, as recorded on each application, at local authority level or below (regions are ' +
      'left out). An application with two such areas counts in both rows; one with none is in the row whose key ' +
      'is null. Filter by areaId for an area with everything inside it.',
  })
  byArea: GrantsReportRow[];

  @Field(() => [GrantsReportRow], {
    description:
      'By theme, as recorded on each application. An application with two themes counts in both rows; one with ' +
      'none is in the row whose key is null. Filter by themeId for a theme with its narrower themes.',
  })
  byTheme: GrantsReportRow[];

  @Field(() => [GrantsReportRow], { description: 'By the kind of applicant organisation.' })
  byOrganisationKind: GrantsReportRow[];

  @Field(() => [GrantsReportRow], { description: 'By where the applications stand now.' })
  byStatus: GrantsReportRow[];

  @Field(() => UnregisteredShare)
  unregisteredShare: UnregisteredShare;

  @Field(() => Int, {
    description:
      'People taking part, added up over every submitted monitoring report: reports cover their own period, ' +
      'so an award with a mid-point and a final report counts both.',
  })
  participantsReached: number;

  @Field(() => [Ons4Change], {
    description: 'The four ONS4 items, each on its own: lifeSatisfaction, worthwhile, happiness, anxiety.',
  })
  ons4: Ons4Change[];
}
