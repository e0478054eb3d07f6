// The browser tests: the machine's Chromium driven by playwright-core against the real app.
// Run with `npm run test:browser` (not part of `npm test`, which needs no browser).
import base from './jest.config.js';

export default {
  ...base,
  maxWorkers: 1,
  testTimeout: 120_000,
  testMatch: ['<rootDir>/test/browser/**/*.browser-spec.ts'],
};
