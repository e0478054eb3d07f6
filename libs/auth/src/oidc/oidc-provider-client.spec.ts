import { describe, expect, it } from '@jest/globals';
import { issuerOnPrivateNetwork } from './oidc-provider-client.js';

describe('issuers on a private network', () => {
  it('refuses this machine, private and link-local addresses; takes public hosts and names', () => {
    const cases: [string, boolean][] = [
      ['http://localhost:4000', true],
      ['https://id.localhost', true],
      ['http://127.0.0.1:4000', true],
      ['https://[::1]/', true],
      ['https://10.0.0.5/realms/staff', true],
      ['https://192.168.1.10', true],
      ['http://169.254.169.254/latest', true],
      ['https://[fd00::1]/', true],
      ['https://login.microsoftonline.com/organizations/v2.0', false],
      ['https://8.8.8.8/', false],
      ['https://id.walsall.gov.uk', false],
    ];
    for (const [issuer, refused] of cases) {
      expect([issuer, issuerOnPrivateNetwork(new URL(issuer))]).toEqual([issuer, refused]);
    }
  });
});
