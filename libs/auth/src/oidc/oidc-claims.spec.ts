import { acceptedTenant, vouchedDomain, profileName, vouchedEmail, type IdTokenClaims } from './oidc-claims.js';

const TEMPLATE = 'https://login.microsoftonline.com/{tenantid}/v2.0';
const WALSALL = '9188040d-6c67-4c5b-b112-36a304b66dad';
const ELSEWHERE = '72f988bf-86f1-41af-91ab-2d7cd011db47';

function claims(extra: Record<string, unknown>): IdTokenClaims {
  return { iss: `https://login.microsoftonline.com/${WALSALL}/v2.0`, sub: 'subject-1', ...extra };
}

describe('issuer and tenant', () => {
  const entra = { issuer: TEMPLATE, allowedTenantIds: [WALSALL] };

  it('accepts the template issuer with the token’s own allowed tenant', () => {
    expect(acceptedTenant(entra, claims({ tid: WALSALL }))).toEqual({ ok: true, value: WALSALL });
  });

  it('refuses a tenant that is not allowed, even with a matching issuer', () => {
    const other = { iss: `https://login.microsoftonline.com/${ELSEWHERE}/v2.0`, sub: 's', tid: ELSEWHERE };
    expect(acceptedTenant(entra, other)).toEqual({ ok: false, refusal: 'TENANT_NOT_ALLOWED' });
  });

  it('refuses a token without a tenant', () => {
    expect(acceptedTenant(entra, claims({}))).toEqual({ ok: false, refusal: 'TENANT_NOT_ALLOWED' });
    expect(acceptedTenant(entra, claims({ tid: '' }))).toEqual({ ok: false, refusal: 'TENANT_NOT_ALLOWED' });
  });

  it('refuses an allowed tid carried by another tenant’s issuer', () => {
    const forged = { iss: `https://login.microsoftonline.com/${ELSEWHERE}/v2.0`, sub: 's', tid: WALSALL };
    expect(acceptedTenant(entra, forged)).toEqual({ ok: false, refusal: 'TOKEN_NOT_VALID' });
    const literal = { iss: TEMPLATE, sub: 's', tid: WALSALL };
    expect(acceptedTenant(entra, literal)).toEqual({ ok: false, refusal: 'TOKEN_NOT_VALID' });
  });

  it('matches any other issuer exactly', () => {
    const plain = { issuer: 'https://id.example.org', allowedTenantIds: [] };
    expect(acceptedTenant(plain, { iss: 'https://id.example.org', sub: 's' })).toEqual({ ok: true, value: null });
    expect(acceptedTenant(plain, { iss: 'https://id.example.org/', sub: 's' })).toEqual({
      ok: false,
      refusal: 'TOKEN_NOT_VALID',
    });
  });

  it('checks tid against a single-tenant issuer’s allow-list too', () => {
    const single = { issuer: `https://login.microsoftonline.com/${WALSALL}/v2.0`, allowedTenantIds: [WALSALL] };
    expect(acceptedTenant(single, claims({ tid: WALSALL }))).toEqual({ ok: true, value: WALSALL });
    expect(acceptedTenant(single, claims({ tid: ELSEWHERE }))).toEqual({ ok: false, refusal: 'TENANT_NOT_ALLOWED' });
    expect(acceptedTenant(single, claims({}))).toEqual({ ok: false, refusal: 'TENANT_NOT_ALLOWED' });
  });
});

describe('the vouched address', () => {
  const plain = { issuer: 'https://id.example.org', allowedTenantIds: [] };
  const entra = { issuer: TEMPLATE, allowedTenantIds: [WALSALL] };

  it('takes a verified email, lower-cased', () => {
    expect(vouchedEmail(plain, claims({ email: ' Ann@Walsall.gov.uk ', email_verified: true }))).toEqual({
      ok: true,
      value: 'ann@walsall.gov.uk',
    });
  });

  it('never takes an email the provider does not say it verified', () => {
    expect(vouchedEmail(plain, claims({ email: 'ann@walsall.gov.uk' }))).toEqual({
      ok: false,
      refusal: 'EMAIL_NOT_VERIFIED',
    });
    expect(vouchedEmail(plain, claims({ email: 'ann@walsall.gov.uk', email_verified: 'true' }))).toMatchObject({
      ok: false,
    });
    expect(vouchedEmail(entra, claims({ email: 'ann@walsall.gov.uk' }))).toMatchObject({ ok: false });
  });

  it('takes the user principal name only from an allow-listed tenant', () => {
    expect(vouchedEmail(entra, claims({ upn: 'Ann@walsall.gov.uk' }))).toEqual({
      ok: true,
      value: 'ann@walsall.gov.uk',
    });
    expect(vouchedEmail(entra, claims({ preferred_username: 'ann@walsall.gov.uk' }))).toEqual({
      ok: true,
      value: 'ann@walsall.gov.uk',
    });
    expect(vouchedEmail(entra, claims({ preferred_username: 'ann' }))).toMatchObject({ ok: false });
    expect(vouchedEmail(plain, claims({ upn: 'ann@walsall.gov.uk' }))).toMatchObject({ ok: false });
  });

  it('refuses something that is not an address', () => {
    expect(vouchedEmail(plain, claims({ email: 'not an address', email_verified: true }))).toMatchObject({ ok: false });
  });
});

describe('vouched domains and names', () => {
  it('needs the domain on both lists, subdomains counting as their domain', () => {
    const cases: [string, string[], string[], string | null][] = [
      ['ann@walsall.gov.uk', ['walsall.gov.uk'], ['walsall.gov.uk'], null],
      ['ann@youth.walsall.gov.uk', ['walsall.gov.uk'], ['walsall.gov.uk'], null],
      ['Ann@Youth.Walsall.gov.uk', ['youth.walsall.gov.uk'], ['walsall.gov.uk'], null],
      ['ann@walsall.gov.uk', ['walsall.gov.uk'], [], 'DOMAIN_NOT_VERIFIED'],
      ['ann@walsall.gov.uk', ['walsall.gov.uk'], ['youth.walsall.gov.uk'], 'DOMAIN_NOT_VERIFIED'],
      ['ann@walsall.gov.uk', [], ['walsall.gov.uk'], 'DOMAIN_NOT_VOUCHED'],
      ['ann@walsall.gov.uk', ['youth.walsall.gov.uk'], ['walsall.gov.uk'], 'DOMAIN_NOT_VOUCHED'],
      ['ann@notwalsall.gov.uk', ['walsall.gov.uk'], ['walsall.gov.uk'], 'DOMAIN_NOT_VOUCHED'],
      ['ann@walsall.gov.uk.evil.example', ['walsall.gov.uk'], ['walsall.gov.uk'], 'DOMAIN_NOT_VOUCHED'],
    ];
    for (const [email, connection, verified, refusal] of cases) {
      expect([email, connection, verified, vouchedDomain(email, connection, verified)]).toEqual([
        email,
        connection,
        verified,
        refusal,
      ]);
    }
  });

  it('names a new profile from the claims', () => {
    expect(profileName(claims({ name: ' Ann Example ' }), 'a@x.org')).toBe('Ann Example');
    expect(profileName(claims({ given_name: 'Ann', family_name: 'Example' }), 'a@x.org')).toBe('Ann Example');
    expect(profileName(claims({}), 'ann.example@x.org')).toBe('ann.example');
  });
});
