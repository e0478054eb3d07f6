import { DomainError, forbidden } from '../errors/domain-error.js';
import type { Viewer } from '../viewer.js';

/**
 * A rule about who may see or do something, by name: `grants.decideApplication`. Each
 * domain exports its policies from one file, `libs/<domain>/src/<domain>.policy.ts`, so
 * "who may award a grant" has one answer in one place. Resolvers and routes declare the
 * policy they run under (`@Access('member', GRANTS_POLICY.decideApplication)`), services
 * enforce it (`enforce(policy, viewer, facts)`), and pages ask `allows` what to offer.
 *
 * `Facts` is what the check needs to know about the record (its council, its applicant,
 * whether the viewer declared a conflict...), gathered by the service; `void` for a rule
 * on the viewer alone.
 */
export interface Policy<Facts = void> {
  /** `<domain>.<rule>`, listed by the permissions test beside the operations that use it. */
  readonly name: string;
  /** The rule in words, as a reviewer reads it: "a GRANTS_OFFICER of the fund's council (or ADMIN)". */
  readonly sentence: string;
  allows(viewer: Viewer, facts: Facts): boolean;
  /** The error a refused caller gets: FORBIDDEN by default, NOT_FOUND where existence is private. */
  refusal(facts: Facts): DomainError;
}

export interface PolicySpec<Facts> {
  sentence: string;
  allows: (viewer: Viewer, facts: Facts) => boolean;
  /**
   * What a refused caller is told. `'NOT_FOUND'` with the record's name (`'Application'`)
   * answers as an id that does not exist would; a function builds any other error.
   * Default: FORBIDDEN with the sentence.
   */
  refuse?: ((facts: Facts) => DomainError) | { notFound: string } | { forbidden: string };
}

/** A policy named `<domain>.<key>`. Prefer `definePolicies`, which names each from its key. */
export function definePolicy<Facts = void>(name: string, spec: PolicySpec<Facts>): Policy<Facts> {
  const refuse = spec.refuse;
  return Object.freeze({
    name,
    sentence: spec.sentence,
    allows: spec.allows,
    refusal: (facts: Facts): DomainError => {
      if (typeof refuse === 'function') return refuse(facts);
      if (refuse && 'notFound' in refuse) return new DomainError('NOT_FOUND', `${refuse.notFound} was not found`);
      if (refuse && 'forbidden' in refuse) return forbidden(refuse.forbidden);
      return forbidden(`Only ${spec.sentence} may do this`);
    },
  });
}

type Specs = Record<string, PolicySpec<never> & Record<string, unknown>>;

/**
 * A domain's policies, each named `<domain>.<key>`. Extra members of a spec (a SQL
 * predicate for lists, say `sql(alias, viewer)`) are kept on the policy beside `allows`,
 * so the list filter and the single-record check are written in the same place.
 *
 *   export const GRANTS_POLICY = definePolicies('grants', {
 *     runFund: { sentence: 'a GRANTS_OFFICER of the fund’s council (or ADMIN)',
 *                allows: (viewer, fund: { councilId: string }) => ... },
 *   });
 */
export function definePolicies<S extends Specs>(
  domain: string,
  specs: S,
): { [K in keyof S]: Policy<FactsOf<S[K]>> & Omit<S[K], keyof PolicySpec<never>> } {
  const policies: Record<string, unknown> = {};
  for (const [key, spec] of Object.entries(specs)) {
    const { sentence: _sentence, allows: _allows, refuse: _refuse, ...extra } = spec;
    policies[key] = Object.freeze({
      ...extra,
      ...definePolicy(`${domain}.${key}`, spec as unknown as PolicySpec<unknown>),
    });
  }
  return Object.freeze(policies) as { [K in keyof S]: Policy<FactsOf<S[K]>> & Omit<S[K], keyof PolicySpec<never>> };
}

type FactsOf<S> = S extends { allows: (viewer: Viewer, facts: infer F) => boolean } ? F : never;

/** Throws the policy's refusal unless it allows the viewer on these facts: the one call services make. */
export function enforce<Facts>(policy: Policy<Facts>, viewer: Viewer, facts: Facts): void {
  if (!policy.allows(viewer, facts)) throw policy.refusal(facts);
}

/** For pages and lists: whether the policy allows, without throwing. */
export function allows<Facts>(policy: Policy<Facts>, viewer: Viewer, facts: Facts): boolean {
  return policy.allows(viewer, facts);
}

/** The error the policy would give on these facts, or null when it allows: for pages that say why not. */
export function refusalOf<Facts>(policy: Policy<Facts>, viewer: Viewer, facts: Facts): DomainError | null {
  return policy.allows(viewer, facts) ? null : policy.refusal(facts);
}
