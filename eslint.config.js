import { readdirSync, readFileSync } from 'node:fs';
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Arrows point down: test code may import anything; apps import libs; libs import
// other libs; a lib never imports an app, production code never imports test support,
// and one lib reaches another only through its public entry points (the @cohesion/*
// names in tsconfig.json), never through a file inside it.
const folders = (root) =>
  readdirSync(new URL(`./${root}/`, import.meta.url), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);
const LIBS = folders('libs');
const APPS = folders('apps');
const ENTRY_SUBPATHS = Object.keys(
  JSON.parse(readFileSync(new URL('./tsconfig.json', import.meta.url), 'utf8')).compilerOptions.paths,
).filter((name) => name.split('/').length > 2);
const UP = String.raw`^(\.\./)+`;
const oneOf = (names) => names.join('|') || '(?!)';

const IMPORT_RULES = {
  testSupport: {
    regex: String.raw`^@cohesion/testing(/|$)|${UP}test/`,
    message: 'Production code never imports test support (@cohesion/testing, test/).',
  },
  publicIndex: {
    regex: String.raw`^@cohesion/(?!(${oneOf(ENTRY_SUBPATHS.map((name) => name.slice('@cohesion/'.length)))})$)[^/]+/`,
    message: 'Import a lib through its public index, @cohesion/<name>, not a file inside it.',
  },
  libIntoApp: {
    regex: String.raw`${UP}apps/`,
    message: 'A lib never imports an app: move what they share into a lib.',
  },
  relativeIntoLib: (others) => ({
    regex: String.raw`${UP}(libs/|(${oneOf(others)})/src/)`,
    message: 'Reach another lib through @cohesion/<name>, not a relative path into it.',
  }),
  appIntoApp: (others) => ({
    regex: String.raw`${UP}(apps/|(${oneOf(others)})/src/)`,
    message: 'An app never imports another app: move what they share into a lib.',
  }),
};

/** The same rules as no-restricted-imports (static imports and re-exports) and no-restricted-syntax (import()). */
function importRules(files, rules) {
  return {
    files,
    rules: {
      'no-restricted-imports': ['error', { patterns: rules }],
      'no-restricted-syntax': [
        'error',
        ...rules.map(({ regex, message }) => ({
          selector: `ImportExpression[source.value=/${regex.replaceAll('/', '\\/')}/]`,
          message,
        })),
      ],
    },
  };
}

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // Nest and TypeORM hand us untyped values at their edges (query rows, metadata).
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-extraneous-class': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/require-await': 'off',
      'no-console': ['error', { allow: ['error'] }],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    // The website's browser scripts (bundled by scripts/build-web.mjs).
    files: ['libs/web/src/**/assets/*.js'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['apps/api/src/cli/**/*.ts', 'scripts/**', 'test/**/*.ts', '**/*.spec.ts'],
    rules: { 'no-console': 'off', '@typescript-eslint/unbound-method': 'off' },
  },
  ...LIBS.map((lib) =>
    importRules(
      [`libs/${lib}/**`],
      [
        IMPORT_RULES.libIntoApp,
        IMPORT_RULES.testSupport,
        IMPORT_RULES.publicIndex,
        IMPORT_RULES.relativeIntoLib(LIBS.filter((other) => other !== lib)),
      ],
    ),
  ),
  ...APPS.map((app) =>
    importRules(
      [`apps/${app}/**`],
      [
        IMPORT_RULES.appIntoApp(APPS.filter((other) => other !== app)),
        IMPORT_RULES.testSupport,
        IMPORT_RULES.publicIndex,
        IMPORT_RULES.relativeIntoLib(LIBS),
      ],
    ),
  ),
);
