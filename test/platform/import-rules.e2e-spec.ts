import { readdirSync } from 'node:fs';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';

/**
 * The import rules of eslint.config.js, run on files that exist only here: each rule
 * refuses the import it names, and the imports the layout allows pass.
 */
const eslint = new ESLint({
  cwd: process.cwd(),
  // The import rules need no type information; these files are not in the project.
  overrideConfig: [{ files: ['**/*.ts'], ...tseslint.configs.disableTypeChecked }],
});

async function importProblems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages
    .filter((message) => message.ruleId === 'no-restricted-imports' || message.ruleId === 'no-restricted-syntax')
    .map((message) => message.message);
}

const LIB_INTO_APP = 'A lib never imports an app';
const TEST_SUPPORT = 'Production code never imports test support';
const PUBLIC_INDEX = 'Import a lib through its public index';
const RELATIVE_INTO_LIB = 'Reach another lib through @cohesion/<name>';
const APP_INTO_APP = 'An app never imports another app';

const folders = (root: string) =>
  readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);

describe('import rules', () => {
  it.each([
    ['libs/grants/src/funds/x.ts', "export { AppModule } from '../../../../apps/api/src/app.module.js';", LIB_INTO_APP],
    [
      'libs/grants/src/funds/x.ts',
      "export const load = () => import('../../../../apps/api/src/main.js');",
      LIB_INTO_APP,
    ],
    [
      'libs/directory/src/x.ts',
      "import { createTestApp } from '@cohesion/testing';\nvoid createTestApp;",
      TEST_SUPPORT,
    ],
    ['libs/directory/src/x.spec.ts', "export * from '@cohesion/testing/database';", TEST_SUPPORT],
    ['libs/network/src/x.ts', "export * from '../../../test/support/factories.js';", TEST_SUPPORT],
    ['apps/api/src/cli/x.ts', "export { createTestApp } from '@cohesion/testing';", TEST_SUPPORT],
    ['apps/worker/src/x.ts', "export * from '../../../test/support/test-app.js';", TEST_SUPPORT],
    ['apps/api/src/x.ts', "export const load = () => import('@cohesion/testing');", TEST_SUPPORT],
    [
      'libs/network/src/x.ts',
      "export { OrganisationEntity } from '@cohesion/directory/src/organisations/organisation.entity.js';",
      PUBLIC_INDEX,
    ],
    ['apps/api/src/x.ts', "export * from '@cohesion/grants/src/funds/funds.service.js';", PUBLIC_INDEX],
    ['libs/network/src/connections/x.ts', "export * from '../../../directory/src/index.js';", RELATIVE_INTO_LIB],
    ['libs/grants/src/x.ts', "export * from '../../../libs/common/src/index.js';", RELATIVE_INTO_LIB],
    ['apps/api/src/x.ts', "export * from '../../../libs/directory/src/index.js';", RELATIVE_INTO_LIB],
    ['apps/worker/src/x.ts', "export { SCHEMA } from '../../api/src/schema.js';", APP_INTO_APP],
    ['apps/worker/src/x.ts', "export const load = () => import('../../api/src/app.module.js');", APP_INTO_APP],
  ])('%s: %s is refused', async (filePath, code, rule) => {
    expect(await importProblems(filePath, code)).toEqual([expect.stringContaining(rule)]);
  });

  it('holds for every lib and every app in the tree', async () => {
    for (const lib of folders('libs')) {
      expect(
        await importProblems(`libs/${lib}/src/x.ts`, "export * from '../../../apps/api/src/app.module.js';"),
      ).toEqual([expect.stringContaining(LIB_INTO_APP)]);
      expect(await importProblems(`libs/${lib}/src/x.ts`, "export * from '@cohesion/testing';")).toEqual([
        expect.stringContaining(TEST_SUPPORT),
      ]);
    }
    for (const app of folders('apps')) {
      expect(await importProblems(`apps/${app}/src/x.ts`, "export * from '@cohesion/testing';")).toEqual([
        expect.stringContaining(TEST_SUPPORT),
      ]);
    }
  });

  it.each([
    ['libs/network/src/x.ts', "export { DirectoryModule } from '@cohesion/directory';"],
    ['libs/platform/src/x.ts', "export { MIGRATIONS } from '@cohesion/database/migrations';"],
    ['libs/grants/src/funds/x.ts', "export * from '../awards/awards.service.js';\nexport * from './y.js';"],
    ['libs/grants/src/x.ts', "export const load = () => import('@cohesion/network');"],
    ['apps/api/src/x.ts', "export { SCHEMA } from '@cohesion/platform';\nexport * from './schema-file.js';"],
    ['apps/worker/src/x.ts', "export { foundationModules } from '@cohesion/platform';"],
    ['test/support/x.ts', "export { AppModule } from '../../apps/api/src/app.module.js';"],
    ['test/directory/x.e2e-spec.ts', "export { createTestApp } from '@cohesion/testing';"],
  ])('%s: %s is allowed', async (filePath, code) => {
    expect(await importProblems(filePath, code)).toEqual([]);
  });
});
