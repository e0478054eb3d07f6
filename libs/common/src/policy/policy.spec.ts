import { describe, expect, it } from '@jest/globals';
import { DomainError } from '../errors/domain-error.js';
import { Viewer } from '../viewer.js';
import { allows, definePolicies, enforce, refusalOf } from './policy.js';

const OFFICER = Viewer.member('a1', 'p1', [{ role: 'GRANTS_OFFICER', organisationId: 'walsall' }]);
const MEMBER = Viewer.member('a2', 'p2', []);

const EXAMPLE = definePolicies('example', {
  runFund: {
    sentence: 'a GRANTS_OFFICER of the fund’s council (or ADMIN)',
    allows: (viewer, fund: { councilId: string }) => viewer.isAdmin || viewer.hasRole('GRANTS_OFFICER', fund.councilId),
    sql: (alias: string) => `${alias}.council_id = ANY($1)`,
  },
  viewFund: {
    sentence: 'a GRANTS_OFFICER of the fund’s council (or ADMIN)',
    allows: (viewer, fund: { councilId: string }) => viewer.hasRole('GRANTS_OFFICER', fund.councilId),
    refuse: { notFound: 'Fund' },
  },
});

describe('policies', () => {
  it('are named after their domain and key, with their sentence, and keep extra members such as SQL', () => {
    expect(EXAMPLE.runFund.name).toBe('example.runFund');
    expect(EXAMPLE.runFund.sentence).toMatch(/GRANTS_OFFICER/);
    expect(EXAMPLE.runFund.sql('f')).toBe('f.council_id = ANY($1)');
  });

  it('allow and deny on the facts given', () => {
    expect(allows(EXAMPLE.runFund, OFFICER, { councilId: 'walsall' })).toBe(true);
    expect(allows(EXAMPLE.runFund, OFFICER, { councilId: 'sandwell' })).toBe(false);
    expect(allows(EXAMPLE.runFund, MEMBER, { councilId: 'walsall' })).toBe(false);
  });

  it('enforce throws the policy’s refusal: FORBIDDEN naming the rule by default, or NOT_FOUND', () => {
    expect(() => enforce(EXAMPLE.runFund, OFFICER, { councilId: 'walsall' })).not.toThrow();
    const refused = (() => {
      try {
        enforce(EXAMPLE.runFund, MEMBER, { councilId: 'walsall' });
      } catch (error) {
        return error as DomainError;
      }
      return null;
    })();
    expect(refused).toBeInstanceOf(DomainError);
    expect(refused?.code).toBe('FORBIDDEN');
    expect(refused?.message).toBe('Only a GRANTS_OFFICER of the fund’s council (or ADMIN) may do this');
    expect(() => enforce(EXAMPLE.viewFund, MEMBER, { councilId: 'walsall' })).toThrow('Fund was not found');
  });
});

describe('refusalOf', () => {
  it('gives the refusal a caller would get, or null when the policy allows', () => {
    expect(refusalOf(EXAMPLE.runFund, OFFICER, { councilId: 'walsall' })).toBeNull();
    expect(refusalOf(EXAMPLE.viewFund, MEMBER, { councilId: 'walsall' })?.code).toBe('NOT_FOUND');
  });
});
