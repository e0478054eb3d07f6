import { describe, expect, it } from '@jest/globals';
import { eligibilityProblem, type EligibilityFacts } from './eligibility.js';

const eligible: EligibilityFacts = {
  organisationKind: 'VCS',
  eligibleKinds: ['VCS', 'FAITH_GROUP'],
  areasOutside: [],
  amountRequested: 100_000,
  minAward: 50_000,
  maxAward: 250_000,
  annualIncome: 2_000_000,
  maxAnnualIncome: 5_000_000,
};

describe('eligibility', () => {
  it('passes an application that meets every rule', () => {
    expect(eligibilityProblem(eligible)).toBeNull();
    expect(
      eligibilityProblem({ ...eligible, eligibleKinds: [], maxAnnualIncome: null, annualIncome: null }),
    ).toBeNull();
  });

  it.each<[string, Partial<EligibilityFacts>, string]>([
    [
      'kind',
      { organisationKind: 'BUSINESS' },
      'Organisation kind: this round is for voluntary and community groups, faith groups, not businesses',
    ],
    ['area', { areasOutside: ['Dudley'] }, 'Area: Dudley is outside the areas this round funds'],
    [
      'minimum',
      { amountRequested: 10_000 },
      'Minimum award: the round awards at least GBP 500.00; GBP 100.00 was requested',
    ],
    [
      'maximum',
      { amountRequested: 300_000 },
      'Maximum award: the round awards at most GBP 2,500.00; GBP 3,000.00 was requested',
    ],
    [
      'income undeclared',
      { annualIncome: null },
      'Annual income: the round is for groups with an annual income of at most GBP 50,000.00, and none was declared',
    ],
    [
      'income too high',
      { annualIncome: 6_000_000 },
      'Annual income: the round is for groups with an annual income of at most GBP 50,000.00; GBP 60,000.00 was declared',
    ],
  ])('names the failing rule: %s', (_, change, reason) => {
    expect(eligibilityProblem({ ...eligible, ...change })).toBe(reason);
  });

  it('names the first rule that fails when several do', () => {
    expect(eligibilityProblem({ ...eligible, organisationKind: 'BUSINESS', amountRequested: 1 })).toMatch(
      /^Organisation kind/,
    );
  });
});
