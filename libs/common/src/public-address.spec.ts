import { describe, expect, it } from '@jest/globals';
import { isPublicAddress } from './public-address.js';

describe('public addresses', () => {
  it('refuses this host, private networks, link-local and reserved ranges, in IPv4 and IPv6', () => {
    for (const address of [
      '127.0.0.1',
      '10.1.2.3',
      '172.16.0.1',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '224.0.0.1',
      '::1',
      '::',
      '[::1]',
      'fd00::1',
      'fe80::1',
      '::ffff:127.0.0.1',
      '::ffff:7f00:1',
      'not an address',
    ]) {
      expect({ address, public: isPublicAddress(address) }).toEqual({ address, public: false });
    }
  });

  it('lets the public internet through', () => {
    for (const address of ['8.8.8.8', '93.184.216.34', '2a00:1450:4009:81f::200e']) {
      expect(isPublicAddress(address)).toBe(true);
    }
  });
});
