import { pounds } from '@cohesion/common';

export interface EligibilityFacts {
  organisationKind: string;
  eligibleKinds: string[];
  /** Names of beneficiary areas outside every area the round is for (empty when the round is for anywhere). */
  areasOutside: string[];
  amountRequested: number;
  minAward: number;
  maxAward: number;
  annualIncome: number | null;
  maxAnnualIncome: number | null;
}

const KIND_NAMES: Record<string, string> = {
  VCS: 'voluntary and community groups',
  FAITH_GROUP: 'faith groups',
  LOCAL_AUTHORITY: 'councils',
  SCHOOL: 'schools',
  BUSINESS: 'businesses',
  NETWORK: 'networks',
};

const kindName = (kind: string) => KIND_NAMES[kind] ?? kind.toLowerCase().replace('_', ' ');

/**
 * The round's rules, in order; the first that fails is named in words (the rule first,
 * then why), so an applicant can see exactly what to change. Null when eligible.
 */
export function eligibilityProblem(facts: EligibilityFacts): string | null {
  if (facts.eligibleKinds.length > 0 && !facts.eligibleKinds.includes(facts.organisationKind)) {
    return `Organisation kind: this round is for ${facts.eligibleKinds.map(kindName).join(', ')}, not ${kindName(facts.organisationKind)}`;
  }
  if (facts.areasOutside.length > 0) {
    return `Area: ${facts.areasOutside.join(', ')} ${facts.areasOutside.length === 1 ? 'is' : 'are'} outside the areas this round funds`;
  }
  if (facts.amountRequested < facts.minAward) {
    return `Minimum award: the round awards at least ${pounds(facts.minAward)}; ${pounds(facts.amountRequested)} was requested`;
  }
  if (facts.amountRequested > facts.maxAward) {
    return `Maximum award: the round awards at most ${pounds(facts.maxAward)}; ${pounds(facts.amountRequested)} was requested`;
  }
  if (facts.maxAnnualIncome !== null) {
    if (facts.annualIncome === null) {
      return `Annual income: the round is for groups with an annual income of at most ${pounds(facts.maxAnnualIncome)}, and none was declared`;
    }
    if (facts.annualIncome > facts.maxAnnualIncome) {
      return `Annual income: the round is for groups with an annual income of at most ${pounds(facts.maxAnnualIncome)}; ${pounds(facts.annualIncome)} was declared`;
    }
  }
  return null;
}
